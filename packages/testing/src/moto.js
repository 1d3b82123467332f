// moto in server mode as the default AWS emulator for tests: a pinned version in the repo's own
// .venv (installed on first use), bound to 127.0.0.1 on a free port. The same venv holds the pinned
// Schemathesis that tests/test/openapi-conformance.test.ts runs. Plain CommonJS: jest loads it in
// globalSetup before any transform, and scripts/emulator.mjs uses it from the command line.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const MOTO_VERSION = '5.2.5';
const MOTO_REQUIREMENT = `moto[server,dynamodb,s3,sqs,events]==${MOTO_VERSION}`;
const SCHEMATHESIS_VERSION = '4.32.5';
const SCHEMATHESIS_REQUIREMENT = `schemathesis==${SCHEMATHESIS_VERSION}`;
// Checkov scans the synthesized cdktf stacks (cdktf/test/checkov.test.ts). It pins boto3 1.35 and an
// old packaging/networkx, which would downgrade moto's boto3/botocore: it gets a venv of its own,
// nested in .venv so one folder still holds every Python tool of the project.
const CHECKOV_VERSION = '3.3.30';
const CHECKOV_REQUIREMENT = `checkov==${CHECKOV_VERSION}`;

const repoRoot = () => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'turbo.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root (turbo.json) above ' + __dirname);
    dir = up;
  }
  return dir;
};

const venvDir = () => process.env.MEDIAFLOW_VENV || path.join(repoRoot(), '.venv');
const checkovVenvDir = () => path.join(venvDir(), 'checkov');
const venvBin = (name, dir = venvDir()) => path.join(dir, 'bin', name);
const markerFor = (name, version, dir = venvDir()) => path.join(dir, `.mediaflow-${name}-${version}`);

const run = (cmd, args, what) => {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    const detail = r.error ? r.error.message : (r.stderr || r.stdout).split('\n').slice(-15).join('\n');
    throw new Error(`${what} failed (${cmd} ${args.join(' ')}):\n${detail}`);
  }
};

/** Installs one pinned requirement into .venv (created on first use) unless that version is there. */
const ensureInVenv = ({ name, version, requirement, bin, dir = venvDir() }, log) => {
  const marker = markerFor(name, version, dir);
  if (fs.existsSync(marker) && fs.existsSync(venvBin(bin, dir))) return venvBin(bin, dir);
  const python = process.env.PYTHON || 'python3';
  log(`[venv] installing ${requirement} into ${dir} (first run only, about a minute)`);
  if (!fs.existsSync(venvBin('python', dir))) run(python, ['-m', 'venv', dir], 'creating the venv');
  run(venvBin('python', dir), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', requirement], `pip install ${name}`);
  fs.writeFileSync(marker, requirement + '\n');
  return venvBin(bin, dir);
};

const defaultLog = (m) => process.stderr.write(m + '\n');

/** Installs the pinned moto into .venv unless that exact version is already there. */
const ensureMoto = (log = defaultLog) =>
  ensureInVenv({ name: 'moto', version: MOTO_VERSION, requirement: MOTO_REQUIREMENT, bin: 'moto_server' }, log);

/** Installs the pinned Schemathesis into .venv; returns the path of its `schemathesis` command. */
const ensureSchemathesis = (log = defaultLog) =>
  ensureInVenv(
    { name: 'schemathesis', version: SCHEMATHESIS_VERSION, requirement: SCHEMATHESIS_REQUIREMENT, bin: 'schemathesis' },
    log,
  );

/** Installs the pinned Checkov into its own venv (.venv/checkov); returns the path of its `checkov` command. */
const ensureCheckov = (log = defaultLog) =>
  ensureInVenv(
    { name: 'checkov', version: CHECKOV_VERSION, requirement: CHECKOV_REQUIREMENT, bin: 'checkov', dir: checkovVenvDir() },
    log,
  );

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

const waitUntilUp = async (endpoint, child, timeoutMs = 30000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/data.json`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto_server did not answer at ${endpoint} within ${timeoutMs} ms`);
};

/** Starts one moto server; resolves when it answers. */
const startMoto = async () => {
  ensureMoto();
  const port = await freePort();
  const python = path.join(venvDir(), 'bin', 'python');
  const child = spawn(python, [path.join(__dirname, 'moto_server.py'), '127.0.0.1', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: false,
    env: { ...process.env, MOTO_ALLOW_NONEXISTENT_REGION: 'true' },
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(endpoint, child);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`${e.message}\n${stderr}`);
  }
  return { endpoint, pid: child.pid, stop: () => child.kill('SIGTERM'), child };
};

/** Clears every resource of a moto server (between test suites). */
const resetMoto = async (endpoint) => {
  const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
  if (!res.ok) throw new Error(`moto reset at ${endpoint} answered ${res.status}`);
};

module.exports = {
  MOTO_VERSION,
  SCHEMATHESIS_VERSION,
  CHECKOV_VERSION,
  ensureMoto,
  ensureSchemathesis,
  ensureCheckov,
  startMoto,
  resetMoto,
  repoRoot,
};

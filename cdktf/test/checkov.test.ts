// Checkov (pinned, in its own venv under the repo's .venv) over every synthesized stack, in three
// configurations: no-certificates (what `npm run synth` gives without settings), certificates
// (the API and the UI on their own names with ACM certificates), and warm-floor (certificates plus
// MEDIAFLOW_RUNNER_WARM_FLOOR=8: the stacks it changes, foundation and processing). One Checkov run covers all. A
// failed check passes only when cdktf/checkov-exceptions.json lists it, with its reason, for that
// resource and configuration; an entry no failure matches any more fails too, so the list stays true.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { synthesizeStacks } from './support/synthesized-app';

// Plain CommonJS with no types: packages/testing/src/moto.js is shared with jest's global setup.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const venv = require('@mediaflow/testing') as { ensureCheckov(): string; CHECKOV_VERSION: string };

const CERTIFICATES = {
  MEDIAFLOW_CERTIFICATE_ARN: 'arn:aws:acm:eu-west-1:123456789012:certificate/0f0e0d0c-1111-2222-3333-444455556666',
  MEDIAFLOW_PUBLIC_DOMAIN: 'api.media.example.com',
  MEDIAFLOW_WEB_DOMAIN: 'media.example.com',
  MEDIAFLOW_WEB_CERTIFICATE_ARN: 'arn:aws:acm:us-east-1:123456789012:certificate/0a0b0c0d-1111-2222-3333-444455556666',
  MEDIAFLOW_IMAGE_TAG: '3f9c2e1',
};

/** Each configuration's settings, and the stacks it scans (all when absent). */
const CONFIGURATIONS: Record<string, { variables: Record<string, string>; stacks?: readonly string[] }> = {
  'no-certificates': { variables: {} },
  certificates: { variables: CERTIFICATES },
  'warm-floor': { variables: { ...CERTIFICATES, MEDIAFLOW_RUNNER_WARM_FLOOR: '8' }, stacks: ['foundation', 'processing'] },
};

interface Exception {
  readonly check: string;
  readonly reason: string;
  readonly configurations?: readonly string[];
  /** `<stack>/<logical id without its hash>`; one ending in `_` is a prefix. */
  readonly resources?: readonly string[];
}

interface Finding {
  readonly check: string;
  readonly configuration: string;
  readonly stack: string;
  /** `<stack>/<logical id without its hash>` */
  readonly resource: string;
  readonly name: string;
}

interface CheckovReport {
  readonly summary: { passed: number; failed: number; skipped: number; parsing_errors: number; checkov_version: string };
  readonly results: {
    readonly passed_checks: readonly { file_path: string }[];
    readonly failed_checks: readonly { check_id: string; check_name: string; file_path: string; resource: string }[];
  };
}

const exceptions = (JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'checkov-exceptions.json'), 'utf8')) as { exceptions: Exception[] }).exceptions;

// Checkov names a resource `<type>.<logical id>` (sometimes `resource.<logical id>`); cdktf ends
// logical ids with an 8-digit hash of the construct path.
const logicalId = (resource: string): string => resource.slice(resource.lastIndexOf('.') + 1).replace(/_[0-9A-F]{8}$/, '');

// `/<configuration>/<stack>.tf.json`
const locate = (filePath: string): { configuration: string; stack: string } => {
  const [configuration, file] = filePath.split('/').filter(Boolean);
  return { configuration: configuration!, stack: file!.replace(/\.tf\.json$/, '') };
};

const covers = (e: Exception, f: Finding): boolean =>
  e.check === f.check &&
  (!e.configurations || e.configurations.includes(f.configuration)) &&
  (!e.resources || e.resources.some((r) => (r.endsWith('_') ? f.resource.startsWith(r) : f.resource === r)));

describe('Checkov over every synthesized stack', () => {
  let report: CheckovReport;
  let seconds: string;
  let stackCount = 0;

  beforeAll(() => {
    // Fails loudly (no skip) when python3 or PyPI is missing: the scan is part of the suite.
    const bin = venv.ensureCheckov();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-checkov-'));
    try {
      for (const [configuration, { variables, stacks }] of Object.entries(CONFIGURATIONS)) {
        fs.mkdirSync(path.join(dir, configuration));
        for (const [stack, json] of Object.entries(synthesizeStacks(variables, stacks))) {
          fs.writeFileSync(path.join(dir, configuration, `${stack}.tf.json`), JSON.stringify(json));
          stackCount += 1;
        }
      }
      const started = Date.now();
      // --skip-download: no call to Prisma Cloud for guidelines (the run is offline and deterministic).
      const run = spawnSync(bin, ['-d', dir, '--framework', 'terraform_json', '-o', 'json', '--skip-download', '--compact'], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: '1' },
      });
      seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (run.error || !run.stdout.trim().startsWith('{')) {
        throw new Error(`checkov did not report (exit ${run.status}): ${run.error?.message ?? ''}\n${run.stderr.slice(-3000)}`);
      }
      report = JSON.parse(run.stdout) as CheckovReport;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  const findings = (): Finding[] =>
    report.results.failed_checks.map((c) => {
      const { configuration, stack } = locate(c.file_path);
      return { check: c.check_id, configuration, stack, resource: `${stack}/${logicalId(c.resource)}`, name: c.check_name };
    });

  it('scans every stack of every configuration without a parsing error', () => {
    const scanned = new Set([...report.results.passed_checks, ...report.results.failed_checks].map((c) => c.file_path));
    expect(report.summary.parsing_errors).toBe(0);
    expect(scanned.size).toBe(stackCount);
  });

  it('finds no failed check beyond the listed exceptions', () => {
    const all = findings();
    const unlisted = all.filter((f) => !exceptions.some((e) => covers(e, f)));
    const listed = all.length - unlisted.length;
    const perStack = new Map<string, { passed: number; failed: number; excepted: number }>();
    const tally = (filePath: string) => {
      const { configuration, stack } = locate(filePath);
      const key = `${configuration}/${stack}`;
      const entry = perStack.get(key) ?? { passed: 0, failed: 0, excepted: 0 };
      perStack.set(key, entry);
      return entry;
    };
    for (const c of report.results.passed_checks) tally(c.file_path).passed += 1;
    for (const f of all) {
      const entry = tally(`/${f.configuration}/${f.stack}.tf.json`);
      if (unlisted.includes(f)) entry.failed += 1;
      else entry.excepted += 1;
    }
    // Never alone on a line as "N passed, N failed": a CI reader takes such a line for the suite's closing one.
    const lines = [
      `[checkov ${report.summary.checkov_version}] stacks ${stackCount} (${Object.keys(CONFIGURATIONS).length} configurations) in ${seconds} s: passed ${report.summary.passed}, failed ${unlisted.length}, skipped ${listed} (listed exceptions)`,
      ...[...perStack.entries()].sort().map(([key, c]) => `  checkov | ${key}: passed ${c.passed}, failed ${c.failed}, excepted ${c.excepted}`),
      ...unlisted.map((f) => `  checkov | UNLISTED ${f.check} ${f.configuration} ${f.resource}: ${f.name}`),
    ];
    process.stderr.write(`\n${lines.join('\n')}\n`);
    expect(unlisted.map((f) => `${f.check} ${f.configuration} ${f.resource}: ${f.name}`)).toEqual([]);
  });

  it('lists no exception without a reason or that no failure needs any more', () => {
    const all = findings();
    for (const e of exceptions) expect(e.reason.trim().length).toBeGreaterThan(20);
    const stale = exceptions.filter((e) => !all.some((f) => covers(e, f)));
    expect(stale.map((e) => `${e.check} ${e.resources?.join(',') ?? '*'}`)).toEqual([]);
    // Every listed resource still fails that check somewhere (a renamed resource must not keep its pass).
    const staleResources = exceptions.flatMap((e) =>
      (e.resources ?? []).filter((r) => !all.some((f) => covers({ ...e, resources: [r] }, f))).map((r) => `${e.check} ${r}`),
    );
    expect(staleResources).toEqual([]);
  });
});

// A stand-in for the built UI (web/dist), so the synth tests do not depend on the real build: an
// index.html, a hashed asset, a docs page, a config.json and a dot file that must not be uploaded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FAKE_WEB_FILES: Readonly<Record<string, string>> = {
  'index.html': '<!doctype html><title>mediaflow</title><script type="module" src="/assets/x.js"></script>',
  'assets/x.js': 'console.log("x");\n',
  'assets/app-ABC123.css': 'body{margin:0}\n',
  'docs/index.html': '<!doctype html><title>docs</title>',
  'config.json': '{"apiUrl":"http://localhost:8080"}',
  '.build-stamp': 'stamp\n',
};

let created: string | undefined;

/** The folder, written once per test file (jest gives each file its own module registry). */
export const fakeWebDist = (): string => {
  if (created) return created;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-web-dist-'));
  for (const [file, content] of Object.entries(FAKE_WEB_FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  created = dir;
  return dir;
};

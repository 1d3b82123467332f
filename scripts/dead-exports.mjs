#!/usr/bin/env node
// Counts exported names that no other file uses: `node scripts/dead-exports.mjs [--list]`.
// A name declared with `export` in a TypeScript file is live when its word appears in another
// tracked .ts/.tsx file outside an `export … from` re-export (a barrel that passes a name on does not
// use it). A grep estimate, not a type-checker: a word that happens to match elsewhere keeps a name
// alive, so the count is a lower bound. What a published package (one without `"private": true`,
// i.e. @mediaflow/contracts, which other teams install) exports from its entries is its public API
// and counts as used. Exits 1 when the count passes --max N.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const max = args.includes('--max') ? Number(args[args.indexOf('--max') + 1]) : undefined;

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*.ts', '*.tsx'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !f.endsWith('.d.ts') && fs.existsSync(path.join(root, f)));

const reexport = /export\s+(?:type\s+)?(?:\{[^}]*\}|\*(?:\s+as\s+\w+)?)\s+from\s+'[^']+';?/g;
const declared = /^export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(?:const|let|var|function\*?|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm;
const localList = /^export\s+(?:type\s+)?\{([^}]*)\}\s*;/gm;

const texts = new Map(files.map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]));
const usesText = new Map([...texts].map(([f, t]) => [f, t.replace(reexport, '')]));

const exportsOf = (text) => {
  const names = [...text.matchAll(declared)].map((m) => m[1]);
  for (const m of text.matchAll(localList)) {
    for (const item of m[1].split(',')) {
      const name = item.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()?.trim();
      if (name) names.push(name);
    }
  }
  return names;
};

const wordIndex = new Map();
for (const [file, text] of usesText) {
  for (const word of new Set(text.match(/[A-Za-z_$][\w$]*/g) ?? [])) {
    if (!wordIndex.has(word)) wordIndex.set(word, new Set());
    wordIndex.get(word).add(file);
  }
}

/** Files whose every export a published package's entry passes on with `export * from`. */
const publishedFiles = () => {
  const published = new Set();
  for (const pj of execFileSync('git', ['ls-files', '--', 'package.json', '*/package.json'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean)) {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, pj), 'utf8'));
    if (pkg.private || !pkg.exports) continue;
    const queue = Object.values(pkg.exports).map((t) => path.join(path.dirname(pj), t));
    while (queue.length) {
      const file = path.normalize(queue.pop());
      if (published.has(file) || !texts.has(file)) continue;
      published.add(file);
      for (const m of texts.get(file).matchAll(/export\s+\*\s+from\s+'(\.[^']+)'/g)) queue.push(`${path.join(path.dirname(file), m[1])}.ts`);
    }
  }
  return published;
};

const publicFiles = publishedFiles();
const dead = [];
for (const [file, text] of texts) {
  if (publicFiles.has(file)) continue;
  for (const name of exportsOf(text)) {
    const users = [...(wordIndex.get(name) ?? [])].filter((f) => f !== file);
    if (users.length === 0) dead.push(`${file}: ${name}`);
  }
}

if (args.includes('--list')) for (const line of dead.sort()) process.stdout.write(`${line}\n`);
process.stdout.write(`exports used by no other file: ${dead.length}\n`);
if (max !== undefined && dead.length > max) process.exit(1);

// Every workspace is entered by its name and the subpaths its `exports` map lists: no source or test
// reaches into another workspace's src/ or test/, and the lint rule that keeps it so really fires.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const tracked = (...patterns: string[]): string[] =>
  execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', ...patterns], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => f && fs.existsSync(path.join(root, f)));

const workspaces = (): string[] => {
  const globs: string[] = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).workspaces;
  return globs
    .flatMap((g) =>
      g.endsWith('/*')
        ? fs.readdirSync(path.join(root, g.slice(0, -2))).map((n) => `${g.slice(0, -2)}/${n}`)
        : [g],
    )
    .filter((dir) => fs.existsSync(path.join(root, dir, 'package.json')));
};

/** `@mediaflow/<pkg>/<folder>/<rest>`, spelled in pieces so this file holds no such import itself. */
const inside = (pkg: string, folder: 'src' | 'test', rest: string): string =>
  ['@mediaflow', pkg, folder, rest].join('/');

const lint = (code: string, file: string) =>
  spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'),
      '--stdin',
      '--stdin-filename',
      file,
      '--max-warnings',
      '0',
    ],
    {
      cwd: root,
      input: code,
      encoding: 'utf8',
    },
  );

describe('package boundaries', () => {
  it.each(workspaces().map((w) => [w]))('%s has an exports map whose every target exists', (dir) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
    expect(pkg.exports).toEqual(expect.any(Object));
    for (const target of Object.values(pkg.exports as Record<string, string>)) {
      expect(fs.existsSync(path.join(root, dir, target))).toBe(true);
    }
  });

  it('no file imports another workspace by its folders', () => {
    const deep = /@mediaflow\/[a-z0-9-]+\/(src|test)\//;
    const offenders = tracked('*.ts', '*.tsx', '*.js', '*.mjs', '*.cjs').filter((f) =>
      deep.test(fs.readFileSync(path.join(root, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('every @mediaflow import names an exported entry or subpath', () => {
    const specifier = /(?:from\s+|import\(\s*|require\(\s*)'(@mediaflow\/[^']+)'/g;
    const unresolved: string[] = [];
    for (const file of tracked('*.ts', '*.tsx')) {
      for (const [, spec] of fs.readFileSync(path.join(root, file), 'utf8').matchAll(specifier)) {
        try {
          require.resolve(spec!, { paths: [path.dirname(path.join(root, file))] });
        } catch {
          unresolved.push(`${file}: ${spec}`);
        }
      }
    }
    expect(unresolved).toEqual([]);
  });

  it.each(workspaces().map((w) => [w]))('%s declares exactly the workspaces it imports', (dir) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
    const declared = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((d) => d.startsWith('@mediaflow/'));
    const imported = new Set<string>();
    for (const file of tracked(`${dir}/*.ts`, `${dir}/*.tsx`)) {
      for (const [, name] of fs.readFileSync(path.join(root, file), 'utf8').matchAll(/'(@mediaflow\/[a-z0-9-]+)[/']/g)) {
        if (name !== pkg.name) imported.add(name!);
      }
    }
    expect(declared.sort()).toEqual([...imported].sort());
  });

  describe('the lint rule', () => {
    jest.setTimeout(60_000);

    it.each([
      [
        'a deep import by name',
        `import { TERMINAL_STATUSES } from '${inside('jobs', 'src', 'domain/job-status')}';\nexport const t = TERMINAL_STATUSES;\n`,
        'embedded/src/probe.ts',
      ],
      [
        'a relative path into another workspace',
        "import { SqliteBus } from '../../../packages/bus/src/sqlite';\nexport const b = SqliteBus;\n",
        'services/jobs/src/probe.ts',
      ],
      [
        'a deep import from domain code',
        `import { x } from '${inside('topology', 'src', 'names')}';\nexport const y = x;\n`,
        'services/jobs/src/domain/probe.ts',
      ],
      [
        "a deep import of another workspace's tests",
        `import { clipTools } from '${inside('processing', 'test', 'fixtures/clip-tools')}';\nexport const c = clipTools;\n`,
        'cli/test/probe.test.ts',
      ],
    ])('refuses %s', (_what, code, file) => {
      const result = lint(code, file);
      expect(result.stdout).toContain('import another workspace by its name or an `exports` subpath');
      expect(result.status).toBe(1);
    });

    it('accepts an import by name and subpath', () => {
      const result = lint(
        "import { TERMINAL_STATUSES } from '@mediaflow/jobs';\nimport { SqliteBus } from '@mediaflow/bus/sqlite';\nexport const t = [TERMINAL_STATUSES, SqliteBus];\n",
        'embedded/src/probe.ts',
      );
      expect(result.stdout).toBe('');
      expect(result.status).toBe(0);
    });
  });
});

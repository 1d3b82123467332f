// One lint setup for the whole monorepo. Limits keep files small and functions simple.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// A workspace is entered by its name and the subpaths its package.json `exports` lists, never by its
// folders: a path into its src/ or test/ (by name or relatively) couples to a package's inside.
const workspaceInsides = {
  group: ['@mediaflow/*/src', '@mediaflow/*/src/**', '@mediaflow/*/test', '@mediaflow/*/test/**', '../**/packages/*/**', '../**/services/*/**'],
  message: "import another workspace by its name or an `exports` subpath (see the README's package map), not its folders",
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'web/dist.*/**', '.venv/**', '**/*.js', '**/*.mjs', '**/*.cjs', 'contracts/schemas/**', 'cdktf/cdktf.out/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { patterns: [workspaceInsides] }],
    },
  },
  {
    // Tests read arbitrary JSON answers; typing every one of them would only restate the assertions.
    files: ['tests/**/*.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['services/*/src/**/*.ts', 'packages/*/src/**/*.ts', 'contracts/src/**/*.ts', 'embedded/src/**/*.ts', 'cli/src/**/*.ts', 'web/src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['services/*/src/domain/**/*.ts', 'services/*/src/application/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            workspaceInsides,
            { group: ['@aws-sdk/*', 'express', 'better-sqlite3', 'fluent-ffmpeg', 'node:child_process'], message: 'domain and application code sees ports only' },
            { group: ['**/adapters/**', '**/media/**', '**/main/**'], message: 'domain and application code must not import adapters, the media code (ffmpeg, ffprobe) or composition roots' },
          ],
        },
      ],
    },
  },
);

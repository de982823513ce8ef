// Lint with zero warnings. Module boundaries (Nx tags) keep workflow code deterministic:
// libs/workflows may import only libs/domain (and @temporalio/workflow), so a workflow that
// imports TypeORM, Nest, nodemailer or a Node built-in fails lint, not production.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'querystring',
  'readline',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

// The text catalogue and formatting (libs/i18n) depend on nothing: every layer may use them, the
// domain and the workflows included (texts and formats are pure and deterministic).
const DEP_CONSTRAINTS = [
  { sourceTag: 'type:i18n', onlyDependOnLibsWithTags: ['type:i18n'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:i18n', 'type:domain'] },
  {
    sourceTag: 'type:workflows',
    onlyDependOnLibsWithTags: ['type:i18n', 'type:domain', 'type:workflows'],
  },
  { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:i18n', 'type:domain', 'type:data'] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:i18n', 'type:domain', 'type:infra'] },
  // The cycle kit (libs/cycles): the activities' shared machinery, over persistence and mail.
  {
    sourceTag: 'type:cycles',
    onlyDependOnLibsWithTags: [
      'type:i18n',
      'type:domain',
      'type:workflows',
      'type:data',
      'type:cycles',
    ],
  },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['*'] },
  // The schedule solver (libs/scheduling): HiGHS behind the domain's visitation types. Only the
  // api's use cases and the apps (the worker's activities) call it, never workflow code.
  {
    sourceTag: 'type:solver',
    onlyDependOnLibsWithTags: ['type:i18n', 'type:domain', 'type:solver'],
  },
  // The api's feature modules (use cases, JSON controllers) never reach into the web app …
  {
    sourceTag: 'type:api',
    onlyDependOnLibsWithTags: [
      'type:i18n',
      'type:domain',
      'type:workflows',
      'type:data',
      'type:infra',
      'type:solver',
      'type:api',
    ],
  },
  // … while the web app uses their services through the modules' exports.
  {
    sourceTag: 'type:web',
    onlyDependOnLibsWithTags: [
      'type:i18n',
      'type:domain',
      'type:workflows',
      'type:data',
      'type:infra',
      'type:api',
      'type:web',
    ],
  },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:i18n',
      'type:domain',
      'type:workflows',
      'type:data',
      'type:infra',
      'type:cycles',
      'type:solver',
      'type:api',
      'type:web',
    ],
  },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
];
// Tests may also use the test fixtures (libs/testing) and the infrastructure libraries.
const TEST_DEP_CONSTRAINTS = DEP_CONSTRAINTS.map((c) => ({
  ...c,
  onlyDependOnLibsWithTags: c.onlyDependOnLibsWithTags.includes('*')
    ? ['*']
    : [...c.onlyDependOnLibsWithTags, 'type:testing', 'type:infra'],
}));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'tools/**',
      '.data/**',
      'node_modules/**',
      'coverage/**',
      'tmp/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          banTransitiveDependencies: false,
          depConstraints: DEP_CONSTRAINTS,
        },
      ],
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no I/O, no Node built-ins, no clocks.
    files: ['libs/workflows/src/**/*.ts', 'libs/domain/src/**/*.ts', 'libs/i18n/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.wf-spec.ts', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.flatMap((m) => [m, `node:${m}`]).map((name) => ({
            name,
            message: 'Workflow and domain code must not use Node built-ins.',
          })),
          patterns: [
            {
              group: [
                'typeorm',
                '@nestjs/*',
                'nodemailer',
                'pg',
                '@temporalio/worker',
                '@temporalio/client',
                '@temporalio/activity',
              ],
              message: 'Workflow and domain code must stay deterministic and free of I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    // Domain code takes `now` as a parameter so that it is testable and usable inside workflows
    // (where the SDK supplies deterministic time).
    files: ['libs/domain/src/**/*.ts', 'libs/i18n/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Take `now` as a parameter (workflow time comes from the workflow API).',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Take `now` as a parameter (workflow time comes from the workflow API).',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Math.random is not deterministic.',
        },
      ],
    },
  },
  {
    // Database side effects live in the repositories of libs/persistence (immich-style): the api,
    // the web app, the worker and the cycle kit inject or construct those and never reach TypeORM
    // themselves, so a raw query outside libs/persistence fails lint. Tests may use the database
    // directly. Explicitly allowed: the one Nest provider of the repositories (PersistenceModule),
    // the CLI for migrations and demo data, and AppModule's TypeOrmModule.forRoot (TypeOrmModule
    // is not restricted).
    files: [
      'libs/api/**/*.ts',
      'libs/web/**/*.ts',
      'libs/cycles/**/*.ts',
      'apps/api/**/*.ts',
      'apps/worker/**/*.ts',
    ],
    ignores: [
      '**/*.spec.ts',
      '**/*.wf-spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      '**/testing/**/*.ts',
      'libs/api/src/persistence/persistence.module.ts',
      'apps/api/src/cli/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'typeorm',
              importNames: ['DataSource', 'EntityManager', 'Repository', 'QueryRunner'],
              message:
                'Use a repository of libs/persistence (@jaarcyclus/persistence) for database side effects.',
            },
            {
              name: '@nestjs/typeorm',
              importNames: ['InjectDataSource', 'InjectRepository', 'InjectEntityManager'],
              message:
                'Inject a repository of libs/persistence (PersistenceModule provides them) instead.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='query'][arguments.0.type=/^(Literal|TemplateLiteral)$/]",
          message: 'Raw SQL belongs in a repository of libs/persistence.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(getRepository|createQueryBuilder)$/]',
          message: 'TypeORM queries belong in a repository of libs/persistence.',
        },
      ],
    },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.wf-spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      '**/testing/**/*.ts',
      'test/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // End-to-end tests and benchmarks boot the apps themselves.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: ['@jaarcyclus/api-app/**', '@jaarcyclus/worker/**', '@jaarcyclus/testing/**'],
          banTransitiveDependencies: false,
          depConstraints: TEST_DEP_CONSTRAINTS,
        },
      ],
    },
  },
);

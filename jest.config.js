// Test tiers, cheapest first. Each tier is a jest project selected by file suffix:
//   *.spec.ts      unit: pure code, no I/O (libs/domain above all)
//   *.wf-spec.ts   workflow: Temporal time-skipping test server, replay of recorded histories
//   *.int-spec.ts  integration: NestJS/TypeORM on a real PostgreSQL with real migrations
//   *.e2e-spec.ts  end-to-end: api + worker on the Temporal dev server, PostgreSQL and an SMTP server
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const moduleNameMapper = {
  '^@jaarcyclus/domain$': '<rootDir>/libs/domain/src',
  '^@jaarcyclus/i18n$': '<rootDir>/libs/i18n/src',
  '^@jaarcyclus/i18n/(.*)$': '<rootDir>/libs/i18n/src/$1',
  '^@jaarcyclus/workflows$': '<rootDir>/libs/workflows/src',
  '^@jaarcyclus/persistence$': '<rootDir>/libs/persistence/src',
  '^@jaarcyclus/testing$': '<rootDir>/libs/testing/src',
  '^@jaarcyclus/testing/browser$': '<rootDir>/libs/testing/src/browser',
  '^@jaarcyclus/api/(.*)$': '<rootDir>/libs/api/src/$1',
  '^@jaarcyclus/api-app/(.*)$': '<rootDir>/apps/api/src/$1',
  '^@jaarcyclus/web$': '<rootDir>/libs/web/src',
  '^@jaarcyclus/web/(.*)$': '<rootDir>/libs/web/src/$1',
  '^@jaarcyclus/worker/(.*)$': '<rootDir>/apps/worker/src/$1',
  '^@jaarcyclus/temporal$': '<rootDir>/libs/temporal/src',
  '^@jaarcyclus/mail$': '<rootDir>/libs/mail/src',
  '^@jaarcyclus/config$': '<rootDir>/libs/config/src',
  '^@jaarcyclus/cycles$': '<rootDir>/libs/cycles/src',
  '^@jaarcyclus/scheduling$': '<rootDir>/libs/scheduling/src',
};

const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/tools/', '/.data/'],
};

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'workflow',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.wf-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup-workflow.ts',
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup-db.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown-db.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest-real-services.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup-e2e.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown-db.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest-real-services.ts'],
    },
  ],
};

// Two projects: unit specs beside the code, and integration specs that run against the real NATS and
// MongoDB-wire server provided by the shared harness (packages/testing). Both transform TypeScript
// with swc, and also the ESM-only @nestjs packages, which jest's CommonJS runtime cannot load as-is.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|file-type|strtok3|token-types|@tokenizer|uint8array-extras)/)'],
  // Packages are consumed from source in tests, so a change needs no rebuild.
  moduleNameMapper: { '^@seatwise/([^/]+)/(.*)$': '<rootDir>/packages/$1/src/$2' },
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
};

module.exports = {
  reporters: ['default', '<rootDir>/scripts/plain-summary-reporter.js'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,packages}/*/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,packages}/*/src/**/*.integration-spec.ts'],
      globalSetup: '<rootDir>/packages/testing/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/packages/testing/src/jest/global-teardown.ts',
      // jest 30 reads testTimeout only at the top level; integration specs set theirs here.
      setupFilesAfterEnv: ['<rootDir>/packages/testing/src/jest/integration-setup.ts'],
    },
  ],
};

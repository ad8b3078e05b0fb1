// Unit tests (pure rules, the statechart) run from source; integration tests drive the real stack
// that scripts/test.mjs provisions (Temporal dev server, PostgreSQL, worker and API processes).
const swc = ['@swc/jest', { swcrc: true }];
const moduleNameMapper = {
  '^@hardtech/(domain|persistence|temporal|config|observability)$': '<rootDir>/libs/$1/src',
  '^@hardtech/(domain|persistence|temporal|config|observability)/(.*)$': '<rootDir>/libs/$1/src/$2',
  '^@hardtech/(workflows|activities)$': '<rootDir>/$1',
  '^@hardtech/(workflows|activities)/(.*)$': '<rootDir>/$1/$2',
};
const common = { transform: { '^.+\\.ts$': swc }, moduleNameMapper, testEnvironment: 'node' };
const integration = {
  ...common,
  setupFilesAfterEnv: ['<rootDir>/test/support/setup.ts'],
  slowTestThreshold: 30,
};

module.exports = {
  // Jest 30 reads the test timeout from the global config only (a project's testTimeout is ignored),
  // so the integration tests' 60 s must be set here too.
  testTimeout: integration.testTimeout,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/workflows/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.ts',
        // The bench's report and cost arithmetic (pure); the bench itself is `npm run bench` only.
        '<rootDir>/bench/**/*.spec.ts',
      ],
    },
    {
      ...integration,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: [
        '/node_modules/',
        '<rootDir>/test/serial/',
        '<rootDir>/test/cluster/',
        '<rootDir>/test/faults/',
      ],
    },
    {
      // Tests that change global state (the active policy), or time a worker starved of CPU (two of
      // those side by side slowed each other past their limits): scripts/test.mjs runs them alone, in band.
      ...integration,
      displayName: 'serial',
      testMatch: ['<rootDir>/test/serial/**/*.test.ts'],
    },
    // `npm run test:cluster` only: it needs the cluster profile scripts/test-cluster.mjs starts.
    ...(process.env.TEST_CLUSTER
      ? [{ ...integration, displayName: 'cluster', testMatch: ['<rootDir>/test/cluster/**/*.test.ts'] }]
      : []),
    // `npm run test:faults` only: it breaks the stack scripts/test-faults.mjs starts for it.
    ...(process.env.TEST_FAULTS
      ? [{ ...integration, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.test.ts'] }]
      : []),
    // `npm run bench` only: it needs the stack scripts/bench.mjs starts, and takes minutes.
    ...(process.env.BENCH
      ? [{ ...integration, displayName: 'bench', testMatch: ['<rootDir>/bench/**/*.bench.ts'] }]
      : []),
  ],
};

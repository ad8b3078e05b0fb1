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

module.exports = {
  // Integration tests drive a real stack on a shared two-core machine: 5 s is too tight for a
  // whole lifecycle (a global option: projects cannot set it).
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/workflows/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/cluster/'],
      slowTestThreshold: 30,
    },
    // `npm run test:cluster` only: it needs the cluster profile scripts/test-cluster.mjs starts.
    ...(process.env.TEST_CLUSTER
      ? [{ ...common, displayName: 'cluster', testMatch: ['<rootDir>/test/cluster/**/*.test.ts'] }]
      : []),
  ],
};

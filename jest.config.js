/**
 * One jest run for every suite: unit (node), component (jsdom via docblock), integration and browser.
 * Before the suites, globalSetup bundles src/index.ts with Forge's own bundler; the integration suites
 * run that bundle. Type errors fail the run: test/build/typecheck.test.ts checks all three projects.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'test/tsconfig.json', diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'cjs', 'json'],
  testTimeout: 30000,
  maxWorkers: 2,
};

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // swc strips types without checking them: `npm test` runs `tsc --noEmit` once instead.
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 30000,
  // The AWS SDK's own switch for its Node.js end-of-support warning (Node 20 here, 22 in Lambda).
  setupFiles: ['<rootDir>/test/setup-env.ts'],
};

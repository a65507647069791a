// @ts-check
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Only lib/engine/index.ts: the engine's API for the CLI, the service, the stack and users of the package. */
const engineIndexOnly = {
  regex: '(^|/)engine/.',
  message: 'Import the engine from its index (lib/engine), the only way into it from outside.',
};

/**
 * `npm test` runs ESLint after tsc: typescript-eslint's recommended rules without type
 * information (tsc checks types), and one way into the engine from outside lib/engine.
 */
export default defineConfig(
  // Files generated from other sources (npm run generate): ajv's code and the look-alike table, checked by a test, not by hand.
  { ignores: ['dist/', 'cdk.out/', 'coverage/', '.data/', '**/*.generated.ts'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      // `const { a: _a, ...rest } = x` leaves a field out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.ts'],
    // The engine's own modules, and the unit tests of its modules, reach inside it.
    ignores: ['lib/engine/**', 'test/engine/**', 'test/core/**', 'test/sms/**', 'test/reliability/collect-regexes.ts', 'test/reliability/engine-fuzz.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [engineIndexOnly] }] },
  },
  {
    // The playground's page is bundled for the browser: the engine's index would bring ajv
    // into it. It takes the browser-safe modules it needs directly: the text analysis, the
    // GSM-7 charset, applying a fix and the variable kinds' schemas.
    files: ['lib/web/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ ...engineIndexOnly, regex: '(^|/)engine/(?!(text|sms/charset|fixes|sms/variable-kinds\\.json)$).' }] },
      ],
    },
  },
  {
    // jest.isolateModules and module mocks need `require`.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

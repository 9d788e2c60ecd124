import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/bin/**', '**/*.js', '**/*.mjs', '**/*.cjs', '**/*.gen.ts'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // mongoose (SchemaTypeOptions) and Nest (NestApplicationOptions) declare their option types as
      // classes while documenting plain object literals; this rule flags every such use.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/apps/**',
                '@seatwise/gateway*',
                '@seatwise/duo-connector*',
                '@seatwise/discovery*',
                '@seatwise/reconcile*',
              ],
              message: 'Apps never import apps: share through packages/shared.',
            },
            {
              group: ['@seatwise/*/src/*', '@seatwise/*/dist/*'],
              message: 'Import a package by its exported subpath, e.g. @seatwise/shared/bus/connect.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', '**/testing/src/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // React event handlers are arrow shorthands that call a setter or mutate(): the rule's concern (a void
    // value used as a value) does not arise there.
    files: ['apps/console/**/*.tsx'],
    rules: { '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }] },
  },
);

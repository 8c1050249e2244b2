// Flat config: type-checked rules everywhere, plus the layering rule that keeps src/core free of
// platform and database SDKs (dependencies point inwards).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const platformModules = [
  '@slack/*',
  'botbuilder',
  'botbuilder-*',
  'botframework-*',
  'mongodb',
  'express',
  'fuse.js',
  'prom-client',
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      '.cache/',
      '.data/',
      'coverage/',
      'src/channels/console/public/',
      'src/lead/public/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.mjs', '*.js', 'test/support/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: platformModules,
              message:
                'src/core must not depend on platform or database SDKs: declare a port in core and implement it outside.',
            },
            {
              group: ['**/channels/**', '**/store/**', '**/kb/**'],
              message: 'src/core must not import adapters: they depend on core, never the reverse.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
      },
    },
  },
  prettier,
);

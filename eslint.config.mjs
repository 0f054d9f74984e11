import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/',
      'frameworks/',
      'storybook-static/',
      'node_modules/',
      'src/api/schema.ts',
      'public/mockServiceWorker.js',
      '.data/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Untrusted text must only reach the DOM through Lit text bindings.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'lit/directives/unsafe-html.js',
              message: 'Render untrusted text through text bindings.',
            },
            { name: 'lit/directives/unsafe-svg.js', message: 'Render untrusted text through text bindings.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render through Lit templates.' },
        { property: 'outerHTML', message: 'Render through Lit templates.' },
      ],
    },
  },
  {
    files: [
      '**/*.mjs',
      'server/**/*.ts',
      'scripts/**',
      'test/e2e/**',
      'test/size/**',
      'test/package/**',
      'test/stories/**',
      'bench/**',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['demo/**/*.js', 'examples/*/*.js', 'examples/*/src/**', 'examples/common/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['examples/*/vite.config.*'],
    languageOptions: { globals: globals.node },
  },
  {
    // chai assertions such as `expect(x).to.be.true` are expressions by design.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);

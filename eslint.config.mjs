// @ts-check
import angular from 'angular-eslint';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'tmp/**',
      'dist/**',
      'out-tsc/**',
      '.angular/**',
      'coverage/**',
      'proto/gen/**',
      'playwright-report/**',
      'test-results/**',
      'bench/out/**',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommended, ...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'app', style: 'camelCase' },
      ],
      '@angular-eslint/component-selector': [
        'error',
        { type: 'element', prefix: 'app', style: 'kebab-case' },
      ],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Layers point one way: the grid engine and the API layer never reach into a resource.
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src/app/api/**/*.ts', 'src/app/grid/**/*.ts', 'src/app/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/sessions/**',
                '**/tasks/**',
                '**/results/**',
                '**/partitions/**',
                '**/applications/**',
                '**/shell/**',
              ],
              message: 'api/, grid/ and shared/ must not depend on a resource folder or the shell.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
    rules: {},
  },
);

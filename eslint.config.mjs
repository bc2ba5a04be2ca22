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
      // Layers and cycles are checked by dependency-cruiser (.dependency-cruiser.cjs, npm run lint:deps).
    },
  },
  {
    // Typed linting (type-aware rules: unsafe any, needless assertions, floating promises…) on
    // the app, the control plane, the bench and the scripts. The store's status columns are bytes;
    // its typed accessors (statusAt…) hand out the generated enums, so comparisons stay checked.
    // Specs are left out: their stand-ins are any-typed on purpose.
    files: ['src/app/**/*.ts', 'server/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    extends: [...tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
    rules: {},
  },
);

// @ts-check
const { createCjsPreset } = require('jest-preset-angular/presets');

// Two projects: the Angular app (jsdom, zoneless) and the embedded control plane (plain Node,
// which also hosts the native-gRPC and gRPC-web contract tests).
const angular = createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' });

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...angular,
      displayName: 'app',
      // A hang guard, not a speed limit: on a busy 2-core machine a component test's first
      // render (harnesses, lazy chunks) can pass Jest's 5 s default without anything being wrong.
      testTimeout: 30_000,
      testEnvironment: 'jest-preset-angular/environments/jest-jsdom-env',
      setupFilesAfterEnv: ['<rootDir>/src/setup-jest.ts'],
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
    },
    {
      displayName: 'server',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/server/**/*.spec.ts'],
      transform: {
        '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.node.json' }],
      },
    },
    {
      // The repository's own tooling: the boundary checker run on its fixtures, the bench's load
      // client against a peer and the control plane.
      displayName: 'tooling',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/scripts/**/*.spec.ts', '<rootDir>/bench/**/*.spec.ts'],
      transform: {
        '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.node.json' }],
      },
    },
  ],
};

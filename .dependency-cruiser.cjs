// @ts-check
// The layering of the whole tree, checked by `npm run lint` (`npm run lint:deps`).
//
//   proto/gen  ←  src/app/api  ←  shared/  ←  grid/  ←  resource and feature folders  ←  shell, app.*
//   proto/gen  ←  server/, e2e/, bench/, scripts/ (they never reach into src/)
//
// Resource and feature folders talk to each other only through the other folder's public entry,
// `<folder>/index.ts` (what others use) or a `<folder>/*.port.ts` (what others implement).
// Type-only imports count: a cycle through types is still a cycle in the design.

/** Folders that know a resource, a feature or the application shell. */
const FEATURES =
  '(sessions|tasks|results|partitions|applications|activity|overview|progress|shell)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'An import cycle between files: move what both need into a lower file.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      comment:
        'An import cycle between folders: one of them must stop reaching into the other ' +
        '(a token beside its readers, a port in the lower layer).',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'api-imports-only-generated-code',
      comment:
        'src/app/api/ is the bottom of the app: it may use proto/gen/ and libraries, nothing else of ours.',
      severity: 'error',
      from: { path: '^src/app/api/' },
      to: { path: '^(src|server|e2e|bench|scripts)/', pathNot: '^src/app/api/' },
    },
    {
      name: 'generated-code-imports-nothing-of-ours',
      severity: 'error',
      from: { path: '^proto/gen/' },
      to: { path: '^(src|server|e2e|bench|scripts)/' },
    },
    {
      name: 'engine-knows-no-resource',
      comment: 'grid/ and shared/ are generic: they import no resource, feature or the shell.',
      severity: 'error',
      from: { path: '^src/app/(grid|shared)/' },
      to: { path: `^src/app/${FEATURES}/` },
    },
    {
      name: 'shared-below-grid',
      comment:
        'shared/ holds UI primitives (dialogs, countdown, clipboard, formats) that the grid engine ' +
        'builds on; it never imports the engine.',
      severity: 'error',
      from: { path: '^src/app/shared/' },
      to: { path: '^src/app/grid/' },
    },
    {
      name: 'features-through-public-entry',
      comment:
        "A resource or feature folder uses another only through that folder's public entry " +
        '(index.ts: what others use; *.port.ts: what others implement), never its internals.',
      severity: 'error',
      from: { path: `^src/app/${FEATURES}/` },
      to: {
        path: `^src/app/${FEATURES}/`,
        pathNot: ['^src/app/$1/', `^src/app/${FEATURES}/(index|[^/]+[.]port)[.]ts$`],
      },
    },
    {
      name: 'outside-the-app-only-generated-code',
      comment: 'server/, e2e/, bench/ and scripts/ share proto/gen/ with the app, never src/.',
      severity: 'error',
      from: { path: '^(server|e2e|bench|scripts)/' },
      to: { path: '^src/' },
    },
    {
      name: 'app-never-imports-the-server',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(server|e2e|bench|scripts)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'An import that resolves to nothing (a typo, a deleted file, a package not installed).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // src/testing/ holds test helpers (spec-only fixtures): specs of every folder import them and
    // they import the app, a loop by design that ships nowhere (tsconfig.app.json excludes it).
    exclude: {
      path: '^(node_modules|dist|out-tsc|tmp|coverage|bench/out|scripts/boundary-fixtures|src/testing)/',
    },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};

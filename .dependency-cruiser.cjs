// Import rules checked by `npm run lint` (dependency-cruiser): no cycle between files, no cycle between
// folders, and apps never import apps. Type-only imports count: a cycle in types is still a cycle in the
// design. docs/architecture.md shows the modules and their allowed dependencies.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-file-cycle',
      severity: 'error',
      comment: 'Files import each other in a circle: move the shared part down into a file both can import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      severity: 'error',
      scope: 'folder',
      comment: 'Folders import each other in a circle: a feature depends on another one way only.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'apps-never-import-apps',
      severity: 'error',
      comment: 'Apps share only through packages (contracts in packages/shared).',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'packages-never-import-apps',
      severity: 'error',
      comment: 'Packages sit below the apps.',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The console's component specs (*.spec.tsx) and their fixtures (*-fixtures.ts) render the whole app
    // through src/testing, so each feature folder would seem to depend on the app that contains it; only
    // specs import them, so they are left out.
    exclude: {
      path: ['(^|/)dist/', '(^|/)node_modules/', '\\.d\\.ts$', '^apps/console/src/.*(\\.spec\\.tsx|-fixtures\\.ts)$'],
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};

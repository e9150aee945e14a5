/**
 * The layers and the one direction of flow (docs/architecture.md): files -> core -> outputs, with
 * the cli the only layer that wires them together. `npm test` runs this check.
 */
const LAYERS = ['site', 'feeds', 'notify', 'authoring', 'github'];
/**
 * The few edges between output layers, each one way: the site publishes the feeds and the API as
 * files; a Statuspage-format webhook carries the API's own objects and notices link to the site's
 * URLs; GitHub hosts the notice ledger and previews the notices on a pull request.
 */
const ALLOWED = { site: ['^src/feeds/'], notify: ['^src/feeds/'], github: ['^src/notify/'] };
/** Leaf modules any layer may use: they import only the core. */
const SHARED = '^src/(core|shared|i18n)/';

module.exports = {
  forbidden: [
    {
      name: 'i18n-is-the-bottom',
      comment: 'src/i18n holds the words and their formats: everything may use it, it uses nothing else.',
      severity: 'error',
      from: { path: '^src/i18n/' },
      to: { path: '^src/', pathNot: '^src/i18n/' },
    },
    {
      name: 'core-imports-nothing-outward',
      comment: 'src/core is the model: it imports no other layer (the words of src/i18n aside).',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/(core|i18n)/' },
    },
    {
      name: 'shared-is-a-leaf',
      comment: 'src/shared serves every layer, so it imports only the core (and itself).',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: '^src/(core|shared|i18n)/' },
    },
    ...LAYERS.map((layer) => ({
      name: `${layer}-imports-core-and-shared-only`,
      comment: `src/${layer} uses the core and the shared modules; only src/cli wires layers together.`,
      severity: 'error',
      from: { path: `^src/${layer}/` },
      to: { path: '^src/', pathNot: [SHARED, `^src/${layer}/`, ...(ALLOWED[layer] ?? [])] },
    })),
    {
      name: 'nothing-imports-the-cli',
      comment: 'src/cli is the top: commands call the layers, never the other way round.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'shipped-code-uses-no-dev-dependency',
      // The SMTP sink is test support kept beside its tests.
      comment: 'A production install has no devDependencies: src imports only dependencies.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/notify/channels/email/smtp-sink\\.ts$' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment: 'A cycle of value imports; types may refer to each other.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    // TypeScript 7 has no compiler API for the cruiser to parse with: swc reads the files instead.
    // It sees type-only imports as they are written (a type from another layer is a dependency on it
    // too), so `tsPreCompilationDeps`, which asks for that compiler API, is not needed.
    parser: 'swc',
  },
};

/**
 * Tidies the manifest: drops the nameless event entries the analyzer infers from
 * `dispatchEvent(new SomeEvent())` (the JSDoc `@fires` tags name them), and orders modules by path,
 * since the analyzer lists them in file-system order, which differs between machines.
 */
const tidyManifest = {
  name: 'tidy-manifest',
  packageLinkPhase({ customElementsManifest }) {
    customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
      }
    }
  },
};

export default {
  globs: ['src/elements/**/inbox-*.ts'],
  exclude: ['src/**/*.styles.ts'],
  litelement: true,
  plugins: [tidyManifest],
};

import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { frameworkTypes, manifestCopy } from './scripts/cem/framework-types.mjs';
import { reactWrappers } from './scripts/cem/react-wrappers.mjs';

/**
 * Tidies the manifest: drops the event entries the analyzer infers from
 * `dispatchEvent(new SomeEvent(…))` (it names them after the first argument, or not at all; the
 * JSDoc `@fires` tags name and describe every real one), and orders modules by path, since the
 * analyzer lists them in file-system order, which differs between machines.
 */
const tidyManifest = {
  name: 'tidy-manifest',
  packageLinkPhase({ customElementsManifest }) {
    customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.events) {
          declaration.events = declaration.events.filter((event) => event.name && event.description);
        }
      }
    }
  },
};

/** Runs a generator plugin on a copy: they add fields to the manifest they are given. */
const onCopy = (plugin) => ({
  name: plugin.name,
  packageLinkPhase: ({ customElementsManifest }) =>
    plugin.packageLinkPhase({ customElementsManifest: manifestCopy(customElementsManifest) }),
});

export default {
  globs: ['src/elements/**/inbox-*.ts'],
  exclude: ['src/**/*.styles.ts'],
  litelement: true,
  // Everything generated from the manifest runs after the tidy-up; `.ci/run` checks it all for drift.
  plugins: [
    tidyManifest,
    frameworkTypes(),
    reactWrappers(),
    // Editors: VS Code's HTML and CSS custom data, JetBrains' web-types (package.json "web-types").
    onCopy(
      customElementVsCodePlugin({
        outdir: '.',
        htmlFileName: 'vscode.html-custom-data.json',
        cssFileName: 'vscode.css-custom-data.json',
        exclude: ['InboxElement'],
        hideLogs: true,
      }),
    ),
    onCopy(
      customElementJetBrainsPlugin({
        outdir: '.',
        webTypesFileName: 'web-types.json',
        exclude: ['InboxElement'],
        // The module paths point at the built files a host installs, not at the sources.
        modulePathTemplate: (_name, modulePath) => modulePath.replace(/^src\/(.*)\.ts$/, './dist/$1.js'),
        hideLogs: true,
      }),
    ),
  ],
};

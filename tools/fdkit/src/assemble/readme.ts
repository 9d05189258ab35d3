import { productView, type AppDefinition, type PlatformVersion } from '@callbridge/core';
import type { WorkspaceConfig } from './config';

/** The README.md shipped inside the app: what it is and what each product gets, generated so it never drifts. */
export function renderAppReadme(app: AppDefinition, config: WorkspaceConfig, platformVersion: PlatformVersion): string {
  const lines = [`# ${app.name}`, '', app.description, '', `Platform version ${platformVersion}.`, ''];
  for (const product of app.products) {
    const view = productView(app, product);
    lines.push(`## ${product}`, '');
    lines.push(`- Placeholders: ${view.placeholders.map((p) => p.placeholder).join(', ') || 'none'}`);
    lines.push(`- Events: ${view.events.map((e) => e.event).join(', ') || 'none'}`);
    lines.push(`- Server methods: ${view.functions.map((f) => f.name).join(', ') || 'none'}`, '');
  }
  lines.push(
    '## Sources',
    '',
    `Built with esbuild from the TypeScript sources in \`src/\` (${config.sources.join(', ')}); the bundles in \`app/\` and`,
    '`server/server.js` are generated from them, as are `manifest.json` and `config/`.',
    '',
  );
  return lines.join('\n');
}

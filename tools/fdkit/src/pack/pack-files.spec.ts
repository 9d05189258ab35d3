import { describe, expect, it } from 'vitest';
import { isPacked } from './pack-files';

describe('isPacked', () => {
  it.each(['manifest.json', 'README.md', '.report.json', 'app/index.html', 'server/lib/x.js', 'config/iparams.json', 'src/components/Panel.jsx'])('packs %s', (path) => {
    expect(isPacked(path)).toBe(true);
  });

  it.each(['package.json', 'dist/app.zip', 'coverage/index.html', 'log/fdk.log', '.fdk/localstore', 'server/node_modules/x/index.js', 'src/dist/bundle.js', 'app', 'notes/todo.md'])(
    'leaves out %s',
    (path) => {
      expect(isPacked(path)).toBe(false);
    },
  );
});

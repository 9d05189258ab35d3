import { describe, expect, it } from 'vitest';
import { rewriteTemplate } from './rewrite-template';

describe('rewriteTemplate', () => {
  it('rewrites both client addresses, any version, to the emulator client', () => {
    const html = [
      '<script src="{{{appclient}}}"></script>',
      '<script async src="{{{ appclient }}}"></script>',
      "<script src='https://static.freshdev.io/fdk/2.0/assets/fresh_client.js'></script>",
      '<script src="//static.freshdev.io/fdk/2.3/assets/fresh_client.js" defer></script>',
    ].join('\n');
    const out = rewriteTemplate(html, 'freshsales');
    expect(out.match(/\/_fdk\/freshsales\/client\.js/g)).toHaveLength(4);
    expect(out).not.toMatch(/static\.freshdev\.io|appclient/);
  });

  it('uses the installation client on installation pages and serves the product stylesheet locally', () => {
    const out = rewriteTemplate('<link href="https://static.freshdev.io/fdk/2.0/assets/freshworks_crm.css"><script src="{{{appclient}}}"></script>', 'freshworks_crm', true);
    expect(out).toBe('<link href="/_fdk/assets/freshworks.css"><script src="/_fdk/freshworks_crm/install/client.js"></script>');
  });
});

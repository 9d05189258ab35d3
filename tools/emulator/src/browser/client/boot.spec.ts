import { describe, expect, it } from 'vitest';
import { bootFromScriptUrl, clientScriptUrl } from './boot';

describe('client boot', () => {
  it('reads the product and the page kind from the script address', () => {
    expect(bootFromScriptUrl(`http://localhost:10001${clientScriptUrl('freshsales')}`)).toEqual({ product: 'freshsales', installation: false });
    expect(bootFromScriptUrl(clientScriptUrl('freshworks_crm', true))).toEqual({ product: 'freshworks_crm', installation: true });
  });

  it('answers undefined for other scripts', () => {
    expect(bootFromScriptUrl(undefined)).toBeUndefined();
    expect(bootFromScriptUrl('https://static.freshdev.io/fdk/2.0/assets/fresh_client.js')).toBeUndefined();
    expect(bootFromScriptUrl('/_fdk/freshdesk/client.js')).toBeUndefined();
    expect(bootFromScriptUrl('http://[bad')).toBeUndefined();
  });
});

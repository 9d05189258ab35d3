import { describe, expect, it } from 'vitest';
import { looksSecret } from './secret-names';

describe('looksSecret', () => {
  it.each(['apiKey', 'api_key', 'ApiKey', 'apikey', 'auth_token', 'accesstoken', 'clientSecret', 'Password', 'smtp-passwd', 'Authorization', 'auth'])(
    'flags %s',
    (name) => expect(looksSecret(name)).toBe(true),
  );

  it.each(['domain', 'monkey', 'keyword', 'author', 'contact_type', 'oauth_client_id', 'hotkeys_enabled'])('leaves %s alone', (name) => {
    expect(looksSecret(name)).toBe(false);
  });
});

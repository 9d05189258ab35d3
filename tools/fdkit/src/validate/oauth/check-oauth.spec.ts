import { afterAll, describe, expect, it } from 'vitest';
import { brief, removeApps, validateFixture } from '../../testing';

afterAll(removeApps);

const flat = {
  client_id: '<%= oauth_iparams.client_id%>',
  client_secret: '<%= oauth_iparams.client_secret %>',
  authorize_url: 'https://app.asana.com/-/oauth_authorize',
  token_url: 'https://app.asana.com/-/oauth_token',
  options: { scope: 'default' },
  token_type: 'account',
  oauth_iparams: {
    client_id: { display_name: 'Client ID', type: 'text', required: true },
    client_secret: { display_name: 'Client secret', type: 'text', required: true, secure: true },
  },
};

const withOAuth = (config: unknown, base = 'templates-2.3') =>
  validateFixture(base, { files: { 'config/oauth_config.json': JSON.stringify(config) }, set: base === 'templates-2.3' ? { 'config/requests.json': { 'getContact.options.isOAuth': true } } : {} });

describe('oauth_config.json', () => {
  it('passes a flat 2.x configuration used by an OAuth template', async () => {
    const report = await withOAuth(flat);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  it('reports missing and malformed fields', async () => {
    const report = await withOAuth({ ...flat, client_secret: undefined, token_type: 'user', authorize_url: 'http://insecure.example.com', extra: 1 });
    expect(brief(report.errors)).toEqual(['oauth-schema config/oauth_config.json client_secret', 'oauth-schema config/oauth_config.json authorize_url', 'oauth-schema config/oauth_config.json token_type']);
    expect(brief(report.warnings)).toEqual(['oauth-schema config/oauth_config.json extra']);
  });

  it('checks oauth_iparams like iparams, secure names included', async () => {
    const report = await withOAuth({ ...flat, oauth_iparams: { client_secret: { display_name: 'Secret', type: 'text' }, bad: { type: 'text' } } });
    expect(brief(report.errors)).toEqual(['oauth-schema config/oauth_config.json oauth_iparams.bad.display_name']);
    expect(brief(report.warnings)).toEqual(['iparams-secure config/oauth_config.json oauth_iparams.client_secret']);
  });

  it('keeps the 3.x integrations layout for 3.x', async () => {
    const wrapped = await withOAuth({ integrations: { asana: flat } });
    expect(wrapped.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^"integrations" is the 3\.x layout/)]);
    const threeFlat = await withOAuth(flat, 'modules-3.0');
    expect(brief(threeFlat.errors)).toEqual(['oauth-schema config/oauth_config.json integrations']);
  });

  it('links 3.x templates to integrations by name', async () => {
    const app = (oauth: string) =>
      validateFixture('modules-3.0', {
        files: {
          'config/oauth_config.json': JSON.stringify({ integrations: { asana: { ...flat, display_name: 'Asana' } } }),
          'config/requests.json': JSON.stringify({ me: { schema: { method: 'GET', host: 'app.asana.com', path: '/api/1.0/users/me', headers: { Authorization: 'Bearer <%= access_token %>' } }, options: { oauth } } }),
        },
        set: { 'manifest.json': { 'modules.common.requests': { me: {} } } },
      });
    expect((await app('asana')).errors).toEqual([]);
    expect(brief((await app('github')).errors)).toEqual(['oauth-schema config/requests.json me.options.oauth']);
  });

  it('reports a configuration that is not an object, or not JSON', async () => {
    expect(brief((await withOAuth([1])).errors)).toEqual(['oauth-schema config/oauth_config.json']);
    const broken = await validateFixture('templates-2.3', { files: { 'config/oauth_config.json': '{"client_id": }' } });
    expect(brief(broken.errors)).toEqual(['json-syntax config/oauth_config.json 1:15']);
  });
});

import { describe, expect, it } from 'vitest';
import { createFakePlatform } from '../fake-client';

describe('iparams', () => {
  function installed() {
    const platform = createFakePlatform();
    platform.install({
      iparams: { aircall_token: 's3cret', crm_api_key: 'k3y', auto_create: true, placeholder_name: 'Unknown caller' },
      secure: ['aircall_token', 'crm_api_key'],
    });
    return { platform, client: platform.client() };
  }

  it('gives the front end only the non-secure iparams', async () => {
    const { client } = installed();
    await expect(client.iparams.get()).resolves.toEqual({ auto_create: true, placeholder_name: 'Unknown caller' });
    await expect(client.iparams.get('auto_create')).resolves.toEqual({ auto_create: true });
  });

  it('refuses a secure iparam by name, saying where it can be used', async () => {
    const { client } = installed();
    await expect(client.iparams.get('aircall_token')).rejects.toEqual({
      status: 403,
      message:
        'iparams.get("aircall_token"): "aircall_token" is a secure iparam; the front end cannot read it. Use it server-side or in a request template (<%= iparam.aircall_token %>).',
      errorSource: 'APP',
    });
  });

  it('refuses unknown and empty keys', async () => {
    const { client } = installed();
    await expect(client.iparams.get('nope')).rejects.toMatchObject({ status: 404 });
    await expect(client.iparams.get('')).rejects.toMatchObject({ status: 400 });
  });

  it('keeps secure values for server-side code, and starts empty', async () => {
    const { platform } = installed();
    expect(platform.installedIparams()).toMatchObject({ aircall_token: 's3cret' });
    await expect(createFakePlatform().client().iparams.get()).resolves.toEqual({});
  });
});

import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Installations, type SetupHooks } from './installations';

let dir: string;
const now = () => new Date('2026-11-21T10:00:00Z');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'emulator-install-'));
});
afterEach(() => rm(dir, { recursive: true, force: true, maxRetries: 5 }));

async function withIparamsJson() {
  await mkdir(join(dir, 'config'), { recursive: true });
  await writeFile(
    join(dir, 'config/iparams.json'),
    JSON.stringify({
      api_key: { display_name: 'API key', type: 'text', required: true, secure: true },
      domain: { display_name: 'Domain', type: 'text', required: true, regex: { d: '^[a-z.]+$', 'd-error': 'Lowercase host only' } },
    }),
  );
}

describe('Installations', () => {
  it('installs with values checked by iparams.json, keeps secure values out of the public view, and persists', async () => {
    await withIparamsJson();
    const installs = new Installations(dir, now);
    const result = await installs.install('freshsales', { api_key: 's3cret', domain: 'acme.example' });
    expect(result.ok).toBe(true);
    expect(installs.get('freshsales')).toEqual({ product: 'freshsales', values: { api_key: 's3cret', domain: 'acme.example' }, secure: ['api_key'], installedAt: '2026-11-21T10:00:00.000Z' });
    expect(installs.publicValues('freshsales')).toEqual({ domain: 'acme.example' });
    expect(installs.publicValues('freshworks_crm')).toBeUndefined();
    const again = new Installations(dir, now);
    await again.load();
    expect(again.get('freshsales')?.values.api_key).toBe('s3cret');
    expect(JSON.parse(await readFile(join(dir, '.fdk/installations.json'), 'utf8'))).toHaveLength(1);
  });

  it('names every field that fails and installs nothing', async () => {
    await withIparamsJson();
    const installs = new Installations(dir, now);
    const result = await installs.install('freshworks_crm', { domain: 'ACME' });
    expect(result).toEqual({
      ok: false,
      errors: [
        { iparam: 'api_key', message: 'API key is required' },
        { iparam: 'domain', message: 'Domain Lowercase host only' },
      ],
    });
    expect(installs.get('freshworks_crm')).toBeUndefined();
  });

  it('keeps what an iparams.html page posted, with its __meta.secure names', async () => {
    const installs = new Installations(dir, now);
    const result = await installs.install('freshworks_crm', { token: 't', __meta: { secure: ['token'] } }, ['token']);
    expect(result.ok && result.installation).toMatchObject({ values: { token: 't' }, secure: ['token'] });
    expect(installs.publicValues('freshworks_crm')).toEqual({});
  });

  it('runs the setup hooks: a failing onAppInstall stops the install and keeps the previous one', async () => {
    const installs = new Installations(dir, now);
    const onInstall = vi.fn<SetupHooks['onInstall']>().mockResolvedValueOnce({ ok: true }).mockResolvedValueOnce({ ok: false, message: 'Bad credentials' });
    installs.setHooks({ onInstall, onUninstall: vi.fn() });
    await installs.install('freshsales', { a: 1 });
    expect(await installs.install('freshsales', { a: 2 })).toEqual({ ok: false, errors: [{ iparam: '(install)', message: 'Bad credentials' }] });
    expect(installs.get('freshsales')?.values).toEqual({ a: 1 });
    onInstall.mockResolvedValueOnce({ ok: false, message: 'no' });
    await installs.install('freshworks_crm', {});
    expect(installs.get('freshworks_crm')).toBeUndefined();
  });

  it('uninstalls through the hook, and answers false when nothing is installed', async () => {
    const installs = new Installations(dir, now);
    const onUninstall = vi.fn(() => Promise.resolve());
    installs.setHooks({ onInstall: () => Promise.resolve({ ok: true }), onUninstall });
    await installs.install('freshsales', {});
    expect(await installs.uninstall('freshsales')).toBe(true);
    expect(onUninstall).toHaveBeenCalledOnce();
    expect(await installs.uninstall('freshsales')).toBe(false);
  });

  it('starts empty from a missing or corrupt store', async () => {
    await mkdir(join(dir, '.fdk'));
    await writeFile(join(dir, '.fdk/installations.json'), '{corrupt');
    const installs = new Installations(dir, now);
    await installs.load();
    expect(installs.get('freshsales')).toBeUndefined();
  });
});

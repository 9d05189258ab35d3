import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyServerlessFixture, startServerless, type ServerlessHarness } from '../../../test/support/serverless-harness';

/** A 2.0 Freshsales Classic app written like the 2020-era public samples, run unmodified. */
let harness: ServerlessHarness;
let remove: () => Promise<void>;
const seen: { method: string; url: string; authorization: string | null; body: string }[] = [];

const IPARAMS = { api_key: 'fs-secret', airtable_api_key: 'at-secret', airtable_base_id: 'appBASE', airtable_table: 'Leads' };

beforeEach(async () => {
  seen.length = 0;
  const fixture = await copyServerlessFixture('serverless-classic-sync');
  remove = fixture.remove;
  harness = await startServerless({ appDir: fixture.dir });
  harness.context.virtualHosts.set('api.airtable.com', async (request) => {
    seen.push({ method: request.method, url: request.url, authorization: request.headers.get('authorization'), body: await request.text() });
    return Response.json({ id: 'rec1' });
  });
});
afterEach(async () => {
  await harness.close();
  await remove();
});

async function state(): Promise<{ db: Record<string, Record<string, unknown>>; schedules: Record<string, { name: string; repeat?: unknown }[]>; installed: string[] }> {
  return (await harness.call('GET', '/_emulator/state')).body as never;
}

describe('a 2.0 app with an exports.events array, .fail() chains and local modules', () => {
  it('installs: onAppInstall schedules a recurring sync exactly five minutes ahead and stores its name', async () => {
    expect((await harness.post('/_emulator/install', { product: 'freshsales', iparams: IPARAMS })).body).toEqual({ ok: true });
    const { schedules, db } = await state();
    expect(schedules.freshsales).toEqual([expect.objectContaining({ name: 'airtable_sync', repeat: { time_unit: 'minutes', frequency: 5 }, data: { account: '1967183444532229947' } }) as unknown]);
    expect(db.freshsales!.schedule_id).toEqual({ id: 'airtable_sync' });
  });

  it('syncs a new lead to Airtable with iparams in the URL and the secure key only in the header, and deletes it again', async () => {
    await harness.post('/_emulator/install', { product: 'freshsales', iparams: IPARAMS });
    const lead = harness.context.store.create('freshsales', 'leads', { first_name: 'Ada', last_name: 'Byron', email: 'ada@example.org' });
    await expect.poll(async () => (await state()).db.freshsales![`lead:${lead.id}`]).toEqual({ recordId: 'rec1' });
    expect(seen[0]).toEqual({
      method: 'POST',
      url: 'https://api.airtable.com/v0/appBASE/Leads',
      authorization: 'Bearer at-secret',
      body: JSON.stringify({ fields: { ID: lead.id, 'First Name': 'Ada', Email: 'ada@example.org' } }),
    });

    harness.context.store.delete('freshsales', 'leads', lead.id);
    await expect.poll(() => seen.length).toBe(2);
    expect(seen[1]).toMatchObject({ method: 'DELETE', url: 'https://api.airtable.com/v0/appBASE/Leads/rec1', authorization: 'Bearer at-secret' });
    expect(harness.logs).toContain(`[freshsales onLeadDelete] Lead deleted: ${lead.id}`);
  });

  it('refuses a second install when onAppInstall answers an error, keeping the first', async () => {
    await harness.post('/_emulator/install', { product: 'freshsales', iparams: IPARAMS });
    const again = await harness.post('/_emulator/install', { product: 'freshsales', iparams: { ...IPARAMS, airtable_table: 'Other' } });
    expect(again).toEqual({ status: 422, body: { ok: false, errors: [{ iparam: '(install)', message: 'Unable to install' }] } });
    expect(harness.context.installations.get('freshsales')?.values.airtable_table).toBe('Leads');
  });

  it('uninstalls: onAppUninstall deletes the schedule it made', async () => {
    await harness.post('/_emulator/install', { product: 'freshsales', iparams: IPARAMS });
    await harness.post('/_emulator/uninstall', { product: 'freshsales' });
    await harness.waitForLog((line) => line === '[freshsales onAppUninstall] Scheduled sync disabled');
    expect((await state()).installed).toEqual([]);
  });

  it('runs the scheduled sync when its time comes', async () => {
    await harness.post('/_emulator/install', { product: 'freshsales', iparams: IPARAMS });
    await harness.post('/_emulator/clock/advance', { ms: 5 * 60_000 + 1 });
    await expect.poll(async () => (await state()).db.freshsales!.lastrun).toMatchObject({ isFailure: false });
    expect((await state()).schedules.freshsales).toHaveLength(1);
  });
});

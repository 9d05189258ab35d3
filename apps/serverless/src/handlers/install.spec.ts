import { AIRCALL_CREDENTIALS_MESSAGE } from '@callbridge/phone-provider';
import { describe, expect, it } from 'vitest';
import { createHarness, setupHarnessServer, START, TARGET_URL, WEBHOOK_TOKEN, type Harness } from '../testing/harness';
import { INSTALL_LOOK_BACK_SECONDS, onAppInstall } from './on-app-install';
import { onAppUninstall } from './on-app-uninstall';
import { RECONCILE_SCHEDULE } from './schedule';

const server = setupHarnessServer();
let h: Harness;

describe('onAppInstall', () => {
  it.each(['freshworks_crm', 'freshsales'] as const)('registers the webhook at the target URL, keeps it in $db and schedules reconciliation (%s)', async (product) => {
    h = createHarness(server, { product });
    expect(await h.run(onAppInstall, 'onAppInstall')).toEqual([{ error: null, data: { webhook: 'registered', schedule: 'created' } }]);
    const [webhook] = [...h.aircall.webhooks.values()];
    expect(webhook).toMatchObject({ url: TARGET_URL, custom_name: 'Callbridge', events: ['call.created', 'call.answered', 'call.ended'] });
    expect(h.fake.$db.dump()).toMatchObject({
      'hook:phone': { provider: 'aircall', id: webhook!.webhook_id, token: WEBHOOK_TOKEN, pinned: false },
      // The reconciliation looks back over the install, for calls that rang while it ran.
      'sync:phone': { from: Math.floor(h.now() / 1000) - INSTALL_LOOK_BACK_SECONDS },
    });
    expect(h.fake.$schedule.list()).toEqual([expect.objectContaining({ name: RECONCILE_SCHEDULE, data: { kind: 'reconcile' }, repeat: { time_unit: 'minutes', frequency: 5 } })]);
  });

  it.each([
    [401, { message: 'Unauthorized' }],
    [403, { error: 'Forbidden', troubleshoot: 'Invalid API ID or API token.' }],
  ])('fails the install with a clear message when Aircall answers %i', async (status, body) => {
    h = createHarness(server);
    h.aircall.outage({ status, body });
    expect(await h.run(onAppInstall, 'onAppInstall')).toEqual([{ error: { status: 400, message: AIRCALL_CREDENTIALS_MESSAGE }, data: undefined }]);
    expect(AIRCALL_CREDENTIALS_MESSAGE).toBe('Aircall rejected the API ID and token: check them in the installation settings');
    expect(h.fake.$schedule.list()).toEqual([]);
  });

  it('fails with the message when the token is simply wrong', async () => {
    h = createHarness(server, { iparams: { phone_api_token: 'typo' } });
    expect((await h.run(onAppInstall, 'onAppInstall'))[0]?.error).toEqual({ status: 400, message: AIRCALL_CREDENTIALS_MESSAGE });
  });

  it('says Aircall is down, and leaves no webhook behind when a later step fails', async () => {
    h = createHarness(server);
    h.aircall.outage({ status: 503 });
    const [down] = await h.run(onAppInstall, 'onAppInstall');
    expect(down?.error).toEqual({ status: 502, message: expect.stringMatching(/^Callbridge could not set up Aircall: Aircall is not answering \(503\)/) as string });
    h.aircall.outage(undefined);
    // Another recurring schedule already exists: the platform allows one, so the install fails after registering.
    await h.fake.$schedule.create({ name: 'other', data: { x: 1 }, schedule_at: new Date(h.now() + 3_600_000).toISOString(), repeat: { time_unit: 'hours', frequency: 1 } });
    const [refused] = await h.run(onAppInstall, 'onAppInstall');
    expect(refused?.error?.status).toBe(400);
    expect(h.aircall.webhooks.size).toBe(0);
  });

  it('pins an existing webhook by its token instead of registering one', async () => {
    h = createHarness(server, { iparams: { webhook_token: ' pinned-token ' } });
    expect((await h.run(onAppInstall, 'onAppInstall'))[0]?.data).toEqual({ webhook: 'pinned', schedule: 'created' });
    expect(h.aircall.webhooks.size).toBe(0);
    expect(h.fake.$db.dump()['hook:phone']).toEqual({ provider: 'aircall', token: 'pinned-token', pinned: true });
  });

  it('replaces the webhook of an earlier installation, and keeps its watermark', async () => {
    h = createHarness(server);
    await h.install();
    const first = [...h.aircall.webhooks.keys()];
    h.advance(3600);
    await h.install();
    expect([...h.aircall.webhooks.keys()]).not.toEqual(first);
    expect(h.aircall.webhooks.size).toBe(1);
    expect(h.fake.$db.dump()['sync:phone']).toEqual({ from: Math.floor(START / 1000) - INSTALL_LOOK_BACK_SECONDS });
  });

  it('refuses settings the installation page would have refused', async () => {
    h = createHarness(server, { iparams: { placeholder_name: 'x'.repeat(61) } });
    expect((await h.run(onAppInstall, 'onAppInstall'))[0]?.error).toEqual({ status: 400, message: 'The installation settings need fixing: Default placeholder name Use 1 to 60 characters' });
  });
});

describe('onAppUninstall', () => {
  it('removes the webhook and the schedule', async () => {
    h = createHarness(server);
    await h.install();
    expect(await h.run(onAppUninstall, 'onAppUninstall')).toEqual([{ error: null, data: { webhook: 'removed', schedule: 'removed', problems: [] } }]);
    expect(h.aircall.webhooks.size).toBe(0);
    expect(h.fake.$schedule.list()).toEqual([]);
    expect(h.fake.$db.dump()).toEqual({});
  });

  it('always succeeds: Aircall down, nothing installed, a pinned webhook, a payload it cannot read', async () => {
    h = createHarness(server);
    await h.install();
    h.aircall.outage({ status: 500 });
    const [down] = await h.run(onAppUninstall, 'onAppUninstall');
    expect(down).toEqual({ error: null, data: { webhook: 'failed', schedule: 'removed', problems: [expect.stringContaining('Aircall is not answering') as string] } });
    expect(await h.run(onAppUninstall, 'onAppUninstall')).toEqual([{ error: null, data: { webhook: 'failed', schedule: 'none', problems: [expect.any(String) as string] } }]);
    h.aircall.outage(undefined);
    await h.fake.$db.set('hook:phone', { provider: 'aircall', token: 't', pinned: true });
    expect((await h.run(onAppUninstall, 'onAppUninstall'))[0]?.data).toMatchObject({ webhook: 'none', problems: [] });
    for (const payload of [undefined, null, 'text', 42, [], { productContext: { name: 'freshdesk' } }]) {
      const before = h.fake.answers.length;
      await onAppUninstall(payload);
      expect(h.fake.answers.slice(before)).toEqual([{ error: null, data: expect.any(Object) as object }]);
    }
  });

  it('succeeds even when the platform gives it no $db or $schedule', async () => {
    h = createHarness(server);
    const answers: unknown[][] = [];
    const sandbox = globalThis as Record<string, unknown>;
    const saved = { $db: sandbox.$db, $schedule: sandbox.$schedule, renderData: sandbox.renderData };
    Object.assign(sandbox, { $db: undefined, $schedule: undefined, renderData: (...args: unknown[]) => answers.push(args) });
    try {
      await onAppUninstall({});
    } finally {
      Object.assign(sandbox, saved);
    }
    expect(answers).toEqual([[null, { webhook: 'failed', schedule: 'failed', problems: [expect.any(String), expect.any(String)] }]]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyServerlessFixture, startServerless, type ServerlessHarness } from '../../../test/support/serverless-harness';

/** An omni 2.1 app routing events per product in its manifest, slips included, run unmodified. */
let harness: ServerlessHarness;
let remove: () => Promise<void>;

beforeEach(async () => {
  const fixture = await copyServerlessFixture('serverless-event-routing');
  remove = fixture.remove;
  harness = await startServerless({ appDir: fixture.dir });
  await harness.post('/_emulator/install', { product: 'freshsales', iparams: {} });
  await harness.post('/_emulator/install', { product: 'freshworks_crm', iparams: {} });
});
afterEach(async () => {
  await harness.close();
  await remove();
});

describe('manifest event routing in an omni app', () => {
  it('sends each product its own handler, and both to a shared one', async () => {
    const { store } = harness.context;
    store.create('freshsales', 'leads', { first_name: 'Grace', last_name: 'Hopper' });
    store.create('freshworks_crm', 'contacts', { first_name: 'Alan', display_name: 'Alan Turing' });
    store.create('freshworks_crm', 'deals', { name: 'Shared' });
    await harness.waitForLog((line) => line === '[freshsales onLeadCreate] Lead created in freshsales: Grace Hopper');
    await harness.waitForLog((line) => line === '[freshworks_crm onContactCreate] Contact created in freshworks_crm: Alan Turing');
    await harness.waitForLog((line) => line === '[freshworks_crm onDealCreate] Deal created, shared handler, in freshworks_crm');
  });

  it('answers 500 for a handler name with a typo and for a ReferenceError, and carries on', async () => {
    harness.context.store.create('freshsales', 'deals', { name: 'Typo' });
    const typo = await harness.waitForLog((line) => line.startsWith('event onDealCreate (freshsales) → 500'));
    expect(typo).toContain('server.js exports no function "commnOnDealCreateHandler"');

    const external = await harness.post('/_emulator/events/onExternalEvent', { product: 'freshworks_crm' });
    expect(external.body).toMatchObject({ ok: false, status: 500 });
    expect((external.body as { error: { message: string } }).error.message).toMatch(/^ReferenceError: payloadFromSales is not defined \(server\/server\.js:\d+:\d+\)$/);

    expect((await harness.post('/_emulator/events/onExternalEvent', { product: 'freshsales' })).body).toMatchObject({ ok: true });
  });

  it('fires nothing for events the product does not register', async () => {
    harness.context.store.create('freshsales', 'sales_accounts', { name: 'No handler' });
    harness.context.store.create('freshsales', 'contacts', { first_name: 'No handler' });
    await new Promise((done) => setTimeout(done, 100));
    expect(harness.logs.filter((line) => line.startsWith('event '))).toEqual([]);
  });
});

import crmContactCreate from '@callbridge/core/payloads/freshworks_crm/onContactCreate.json';
import crmContactUpdate from '@callbridge/core/payloads/freshworks_crm/onContactUpdate.json';
import crmDealCreate from '@callbridge/core/payloads/freshworks_crm/onDealCreate.json';
import crmDealUpdate from '@callbridge/core/payloads/freshworks_crm/onDealUpdate.json';
import classicLeadCreate from '@callbridge/core/payloads/freshsales/onLeadCreate.json';
import classicLeadDelete from '@callbridge/core/payloads/freshsales/onLeadDelete.json';
import classicLeadUpdate from '@callbridge/core/payloads/freshsales/onLeadUpdate.json';
import type { PlatformHandler } from '@callbridge/core';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as server from '../src/server';
import { createHarness } from '../src/testing/harness';
import { mutate, seededRandom } from '../src/testing/mutate';

const PER_HANDLER = 2000;

// Anything a mutated iparam points at answers 404 rather than leaving the process (initial handlers come last).
const http_ = setupServer(http.all('*', () => HttpResponse.json({ errors: { code: 404, message: ['Not found'] } }, { status: 404 })));
beforeAll(() => http_.listen({ onUnhandledRequest: 'error' }));
afterAll(() => http_.close());
// Handlers log every refusal; thousands of them would drown the report.
beforeEach(() => {
  for (const level of ['info', 'warn', 'error'] as const) vi.spyOn(console, level).mockImplementation(() => undefined);
});

type Seed = (h: ReturnType<typeof createHarness>) => unknown;

const envelope = (event: string, data?: unknown): Seed => (h) => h.fake.payload(event as 'onAppInstall', data);
const sample = (payload: { data: unknown }): Seed => (h) => ({ ...payload, iparams: h.iparams });
const smi = (input: Record<string, unknown>): Seed => (h) => {
  const { event: _event, ...rest } = h.fake.payload('onAppInstall');
  return { ...rest, ...input };
};

const SEEDS: Record<keyof typeof server, { seed: Seed; product?: 'freshsales' }> = {
  onAppInstall: { seed: envelope('onAppInstall') },
  onAppUninstall: { seed: envelope('onAppUninstall') },
  onExternalEvent: { seed: (h) => h.fake.payload('onExternalEvent', h.ended(h.call({ raw_digits: '+1 415-555-0111' }))) },
  onScheduledEvent: { seed: envelope('onScheduledEvent', { kind: 'reconcile' }) },
  onContactCreate: { seed: sample(crmContactCreate) },
  onContactUpdate: { seed: sample(crmContactUpdate) },
  onLeadCreate: { seed: sample(classicLeadCreate), product: 'freshsales' },
  onLeadUpdate: { seed: sample(classicLeadUpdate), product: 'freshsales' },
  onLeadDelete: { seed: sample(classicLeadDelete), product: 'freshsales' },
  onDealCreate: { seed: sample(crmDealCreate) },
  onDealUpdate: { seed: sample(crmDealUpdate) },
  findByPhone: { seed: smi({ phone: '+14155550111' }) },
  createPlaceholderContact: { seed: smi({ phone: '+14155550111', name: 'Caller', type: 'contact' }) },
  logCall: { seed: smi({ target: { type: 'contact', id: 101 }, direction: 'inbound', outcome: 'Connected', durationSeconds: 60, notes: 'n', phone: '+14155550111', dealId: 102 }) },
  listCalls: { seed: smi({ record: { type: 'sales_account', id: 103 }, limit: 5 }) },
  openDeals: { seed: smi({ contactId: 101 }) },
  dial: { seed: smi({ to: '+14155550111' }) },
  currentCall: {
    seed: (h) => {
      // A call ringing now, so mutations of `handling` reach the hold as well as the read.
      void h.fake.$db.set('live:call', { callId: '812', phone: '+14155550111', direction: 'inbound', state: 'ringing', startedAt: new Date(h.now()).toISOString() });
      return smi({ handling: '812' })(h);
    },
  },
};

describe('fuzz: every handler answers every payload exactly once, and never throws', () => {
  it('covers every handler server.js exports', () => {
    expect(Object.keys(SEEDS).sort()).toEqual(Object.keys(server).sort());
  });

  it.each(Object.entries(SEEDS))('%s', async (name, { seed, product }) => {
    const h = createHarness(http_, { ...(product && { product }) });
    try {
      await h.install();
      h.crm.add('salesAccounts', { id: 103, name: 'Acme' });
      h.crm.add('contacts', { id: 101, first_name: 'Jane', last_name: 'Doe', mobile_number: '+14155550111', sales_account_id: 103 });
      h.crm.add('deals', { id: 102, name: 'Renewal', deal_stage_id: 711, contact_ids: [101] });
      const handler = (server as Record<string, PlatformHandler>)[name]!;
      const random = seededRandom(name.length * 7919);
      const base = seed(h);
      const statuses = new Map<number | null, number>();
      for (let i = 0; i < PER_HANDLER; i += 1) {
        const payload = mutate(base, random);
        const before = h.fake.answers.length;
        await expect(handler(payload), `payload ${i}: ${JSON.stringify(payload)?.slice(0, 300)}`).resolves.toBeUndefined();
        const answers = h.fake.answers.slice(before);
        expect(answers, `payload ${i} answered ${answers.length} times: ${JSON.stringify(payload)?.slice(0, 300)}`).toHaveLength(1);
        const { error } = answers[0]!;
        if (error) {
          expect(Number.isInteger(error.status) && error.status >= 400 && error.status <= 599).toBe(true);
          expect(error.message).toMatch(/\S/);
          expect(error.message).not.toContain('crm-key');
          expect(error.message).not.toMatch(/\n\s+at /);
        }
        if (name === 'onAppUninstall') expect(error).toBeNull();
        statuses.set(error?.status ?? null, (statuses.get(error?.status ?? null) ?? 0) + 1);
      }
      // The mutations must reach past parsing: some payloads succeed, some are refused.
      expect(statuses.get(null) ?? 0, JSON.stringify([...statuses])).toBeGreaterThan(0);
    } finally {
      h.dispose();
      http_.resetHandlers();
    }
  }, 120_000);
});

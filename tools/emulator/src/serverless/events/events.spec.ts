import { describe, expect, it } from 'vitest';
import type { LoadedApp } from '../../app/load-app';
import { CrmStore } from '../../crm/store';
import type { RecordChange } from '../../crm/types';
import { wrapCrmFields } from './field-wrap';
import { eventRecord, eventsForChange, recordEventData } from './record-payload';
import { allowsTargetUrl, registeredEvents } from './registry';

const app = (platformVersion: string | null): LoadedApp => ({
  dir: '/app',
  platformVersion,
  products: { freshsales: { placeholders: {}, events: { onLeadCreate: 'fromManifest' }, functions: {}, requests: [] } },
  installationPage: 'none',
  hasServer: true,
  whitelistedDomains: [],
  problems: [],
});

describe('registeredEvents', () => {
  it('adds the 2.0/2.1 exports.events array where the manifest names nothing, and ignores it from 2.2', () => {
    const legacy = { onLeadCreate: 'fromArray', onLeadDelete: 'deleted' };
    expect(registeredEvents(app('2.0'), legacy, 'freshsales')).toEqual({ onLeadCreate: 'fromManifest', onLeadDelete: 'deleted' });
    expect(registeredEvents(app(null), legacy, 'freshsales')).toEqual({ onLeadCreate: 'fromManifest', onLeadDelete: 'deleted' });
    expect(registeredEvents(app('2.2'), legacy, 'freshsales')).toEqual({ onLeadCreate: 'fromManifest' });
    expect(registeredEvents(app('2.0'), legacy, 'freshworks_crm')).toEqual({});
  });

  it('allows generateTargetUrl in onAppInstall, afterAppUpdate and product events only', () => {
    expect(['onAppInstall', 'afterAppUpdate', 'onContactCreate'].every(allowsTargetUrl)).toBe(true);
    expect(['onAppUninstall', 'onExternalEvent', 'onScheduledEvent'].some(allowsTargetUrl)).toBe(false);
  });
});

describe('record payloads', () => {
  const store = new CrmStore(() => new Date('2026-11-20T10:00:00Z'));
  const change = (over: Partial<RecordChange>): RecordChange => ({
    product: 'freshworks_crm',
    entity: 'deals',
    action: 'update',
    record: { id: 401, created_at: 'a', updated_at: 'b', name: 'Deal', amount: 5, deal_stage: 'Won', owner_id: 1001, sales_account_id: null, contact_ids: [999], tags: ['x'], custom: { a: 1 }, closed: true, note: 'n' },
    changes: { amount: [4, 5] },
    actorId: 42,
    ...over,
  });

  it('wraps Freshworks CRM fields as {label, type, value} and keeps ids, flags and objects plain', () => {
    expect(wrapCrmFields({ id: 1, owner_id: 2, created_at: 'x', email: 'e', phone: 'p', website: 'w', amount: 3, tags: [], n: 4, deal_stage: 'Won', custom: {}, flag: false, job_title: 'j' })).toEqual({
      id: 1,
      owner_id: { label: 'Sales owner', type: 'dropdown', value: 2 },
      created_at: { label: 'Created at', type: 'date_time', value: 'x' },
      email: { label: 'Email', type: 'email', value: 'e' },
      phone: { label: 'Phone', type: 'phone_number', value: 'p' },
      website: { label: 'Website', type: 'url', value: 'w' },
      amount: { label: 'Deal value', type: 'decimal', value: 3 },
      tags: { label: 'Tags', type: 'multi_select_dropdown', value: [] },
      n: { label: 'N', type: 'number', value: 4 },
      deal_stage: { label: 'Deal stage', type: 'dropdown', value: 'Won' },
      custom: {},
      flag: false,
      job_title: { label: 'Job title', type: 'text', value: 'j' },
    });
  });

  it('builds data for an unknown actor, missing links and phone calls without targets', () => {
    const data = recordEventData(store, change({}));
    expect(data.actor).toBeNull();
    expect(data.associations).toMatchObject({ sales_account: null, contacts: [], creator: null });
    const call = recordEventData(store, change({ entity: 'phone_calls', product: 'freshsales', record: { id: 9, created_at: 'a', updated_at: 'b', note: 'typed', call_direction: 'Outgoing' }, actorId: 1001 }));
    expect(call.phone_call).toMatchObject({ note: 'typed', call_direction: 'Outgoing', entity_id: null });
    expect(call.associations).toMatchObject({ entity: null, outcome: null, user: expect.objectContaining({ id: 1001 }) as unknown });
    expect(call).not.toHaveProperty('users');
    expect(eventRecord('phone_calls', 'freshsales', { id: 1 })).toMatchObject({ note: null, call_direction: null });
    expect(eventRecord('leads', 'freshsales', { id: 1, display_name: 'Kept' })).toMatchObject({ display_name: 'Kept' });
    expect(eventRecord('sales_accounts', 'freshsales', { id: 1 })).toEqual({ id: 1 });
    expect(eventsForChange(change({ entity: 'notes' }))).toEqual([]);
    const account = recordEventData(store, change({ entity: 'sales_accounts', record: { id: 1, created_at: 'a', updated_at: 'b', name: 'A' }, action: 'create' }));
    expect(account.associations).toEqual({ owner: null, creator: null, updater: null, team_users: [] });
    const classic = recordEventData(store, change({ entity: 'contacts', product: 'freshsales', record: { id: 2, created_at: 'a', updated_at: 'b' } }));
    expect(classic.users).toEqual([]);
  });
});

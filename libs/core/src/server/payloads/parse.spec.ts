import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { EventName } from '../../platform/events';
import { PayloadError, parsePayload, parseWith } from './parse';

const folder = new URL('../../../payloads/', import.meta.url);
const text = (file: string) => readFileSync(new URL(file, folder), 'utf8');
const sample = (file: string): Record<string, unknown> => JSON.parse(text(file)) as Record<string, unknown>;

/** Sets (or, without a value, deletes) the field at a dotted path of a sample. */
function change(raw: Record<string, unknown>, path: string, ...value: [unknown?]): Record<string, unknown> {
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  const parent = keys.reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, raw);
  if (value.length) parent[last] = value[0];
  else delete parent[last];
  return raw;
}

function errorOf(event: EventName, raw: unknown): PayloadError {
  const parsed = parsePayload(event, raw);
  if (parsed.ok) throw new Error(`${event} parsed, expected an error`);
  return parsed.error;
}

describe('parsePayload errors name the event and the field', () => {
  it('a mistyped id', () => {
    const raw = sample('freshworks_crm/onContactUpdate.json');
    change(raw, 'data.contact.id', '5470');
    const error = errorOf('onContactUpdate', raw);
    expect(error).toBeInstanceOf(PayloadError);
    expect(error.status).toBe(400);
    expect(error.message).toBe('onContactUpdate: data.contact.id: expected number, received string');
  });

  it('a wrapped phone number holding the wrong type', () => {
    const raw = sample('freshworks_crm/onContactCreate.json');
    change(raw, 'data.contact.mobile_number.value', 999999);
    expect(errorOf('onContactCreate', raw).message).toBe('onContactCreate: data.contact.mobile_number: expected string, received number');
  });

  it('every problem, not only the first', () => {
    const raw = sample('freshsales/onDealUpdate.json');
    change(raw, 'region', 'APAC');
    change(raw, 'data.deal.name', null);
    change(raw, 'data.deal.changes.amount', ['0.0']);
    const error = errorOf('onDealUpdate', raw);
    expect(error.issues).toEqual([
      { path: 'region', message: 'expected one of "US", "EU", "EUC", "AUS", "IND", received "APAC"' },
      { path: 'data.deal.name', message: 'expected string, received null' },
      { path: 'data.deal.changes.amount', message: 'expected array to have >=2 items, received 1 item' },
    ]);
    expect(error.message).toBe('onDealUpdate: region: expected one of "US", "EU", "EUC", "AUS", "IND", received "APAC" (and 2 more)');
  });

  it('a payload for another event', () => {
    expect(errorOf('onContactUpdate', sample('freshworks_crm/onDealUpdate.json')).message).toMatch(
      /^onContactUpdate: event: expected "onContactUpdate", received "onDealUpdate"/,
    );
  });

  it('an actor id of neither accepted type', () => {
    const raw = sample('freshworks_crm/onTaskCreate.json');
    change(raw, 'data.actor.id', true);
    expect(errorOf('onTaskCreate', raw).message).toBe('onTaskCreate: data.actor.id: expected number or string, received boolean');
  });

  it('a model change that is neither a pair nor a group', () => {
    const raw = sample('freshworks_crm/onTaskUpdate.json');
    change(raw, 'data.changes.model_changes.title', 'Task update');
    expect(errorOf('onTaskUpdate', raw).message).toBe('onTaskUpdate: data.changes.model_changes.title: expected [old, new] pair or object, received string');
  });

  it('an update that does not say what changed, in either form', () => {
    const crm = sample('freshworks_crm/onContactUpdate.json');
    change(crm, 'data.changes');
    expect(errorOf('onContactUpdate', crm).message).toMatch(/^onContactUpdate: data\.changes: expected what changed: data\.changes\.model_changes .* or data\.contact\.changes/);
    const classic = sample('freshsales/onLeadUpdate.json');
    change(classic, 'data.lead.changes');
    expect(errorOf('onLeadUpdate', classic).message).toMatch(/^onLeadUpdate: data\.changes: /);
  });

  it('changes without model_changes', () => {
    const raw = sample('freshworks_crm/onPhoneCallUpdate.json');
    change(raw, 'data.changes.model_changes');
    expect(errorOf('onPhoneCallUpdate', raw).message).toBe('onPhoneCallUpdate: data.changes.model_changes: expected object, received undefined');
  });

  it('a custom module event without its record', () => {
    const raw = sample('freshsales/onCustomModuleCreate.json');
    change(raw, 'data.custom_module');
    expect(errorOf('onCustomModuleCreate', raw).message).toMatch(/^onCustomModuleCreate: data\.custom_module_record: expected the record/);
  });

  it('an external event without a body', () => {
    const raw = sample('freshsales/onExternalEvent.json');
    change(raw, 'data');
    expect(errorOf('onExternalEvent', raw).message).toBe('onExternalEvent: data: expected the request body, received undefined');
  });

  it('a truncated object: the record cut off', () => {
    const raw = sample('freshworks_crm/onDealCreate.json');
    change(raw, 'data.deal');
    expect(errorOf('onDealCreate', raw).message).toBe('onDealCreate: data.deal: expected object, received undefined');
  });

  it('a payload that is not an object at all', () => {
    expect(errorOf('onAppInstall', 42).message).toBe('onAppInstall: (root): expected object, received number');
    expect(errorOf('onAppInstall', null).message).toBe('onAppInstall: (root): expected object, received null');
  });

  it('an event the platform does not send', () => {
    expect(errorOf('onTicketCreate' as EventName, {}).message).toBe('onTicketCreate: event: is not a serverless event this platform sends');
  });
});

describe('parsePayload on JSON text', () => {
  it('names the field a cut payload ends in', () => {
    const full = text('freshworks_crm/onContactUpdate.json');
    const cut = full.slice(0, full.indexOf('"999999"') + 4);
    expect(errorOf('onContactUpdate', cut).message).toBe(
      `onContactUpdate: data.contact.mobile_number.value: the JSON text ends early here (cut at character ${cut.length})`,
    );
  });

  it('names the field where the text breaks', () => {
    const broken = text('freshsales/onScheduledEvent.json').replace('"sample value2"', 'sample value2');
    expect(errorOf('onScheduledEvent', broken).message).toMatch(/^onScheduledEvent: data\.sample_data2: the JSON text is broken here \(/);
  });

  it('says so when there is no text', () => {
    expect(errorOf('onAppInstall', '').message).toBe('onAppInstall: (root): the JSON text ends early here (cut at character 0)');
  });
});

describe('normalising the envelope', () => {
  const install = { account_id: 13, domain: 'acme.freshsales.io', event: 'onAppInstall', region: 'EUC', timestamp: '1724133753887' };

  it('keeps account ids as text and reads numeric timestamps', () => {
    const parsed = parsePayload('onAppInstall', install);
    expect(parsed.ok && parsed.value).toMatchObject({ account_id: '13', timestamp: 1724133753887, iparams: {} });
  });

  it('keeps the installation iparams', () => {
    const parsed = parsePayload('onAppInstall', { ...install, iparams: { token: 't' } });
    expect(parsed.ok && parsed.value.iparams).toEqual({ token: 't' });
  });

  it('rejects a negative timestamp', () => {
    expect(errorOf('onAppInstall', { ...install, timestamp: -1 }).message).toBe('onAppInstall: timestamp: expected number to be >=0, received number');
  });
});

describe('parseWith', () => {
  it('checks any value, with the label given', () => {
    const result = parseWith('findByPhone', z.object({ phone: z.string().min(5) }), { phone: '12' });
    expect(!result.ok && result.error.message).toBe('findByPhone: phone: expected string to have >=5 characters, received 2 characters');
  });

  it('follows the union branch that got furthest', () => {
    const schema = z.union([z.object({ a: z.string() }), z.object({ b: z.number(), c: z.number() })]);
    const result = parseWith('x', schema, { b: 'one' });
    expect(!result.ok && result.error.message).toBe('x: a: expected string, received undefined');
  });

  it('quotes keys that are not names', () => {
    const result = parseWith('x', z.object({ 'a b': z.array(z.number()) }), { 'a b': [1, 'two'] });
    expect(!result.ok && result.error.message).toBe('x: ["a b"][1]: expected number, received string');
  });
});

describe('names in either form', () => {
  it('reads a Freshworks CRM display_name wrapped like its other fields', () => {
    const raw = change(sample('freshworks_crm/onContactCreate.json'), 'data.contact.display_name', { label: 'Name', type: 'text', value: 'Ada Lovelace' });
    const parsed = parsePayload('onContactCreate', raw);
    expect(parsed.ok && parsed.value.data.contact.display_name).toBe('Ada Lovelace');
  });
});

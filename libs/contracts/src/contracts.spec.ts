import * as v from 'valibot';
import { checkIparams, parseIparamValues, SECRET_LOOKING_NAME, toIparamsJson, type IparamDefinition } from '@callbridge/core';
import { describe, expect, it } from 'vitest';
import { callbridgeModal } from './modal';
import { iparams } from './iparams';
import { logCall, SERVER_METHODS } from './server-methods';

describe('Callbridge contracts', () => {
  it('defines iparams the platform accepts', () => {
    expect(() => checkIparams(iparams)).not.toThrow();
  });

  it('marks every credential-looking iparam secure', () => {
    for (const [name, def] of Object.entries(iparams) as [string, IparamDefinition][]) {
      if (SECRET_LOOKING_NAME.test(name)) expect({ name, secure: def.secure }).toEqual({ name, secure: true });
    }
  });

  it('offers leads as placeholder type only in Freshsales', () => {
    expect(toIparamsJson(iparams, 'freshworks_crm').placeholder_type_crm?.options).toEqual(['contact']);
    expect(toIparamsJson(iparams, 'freshsales').placeholder_type_classic?.options).toEqual(['contact', 'lead']);
    expect(toIparamsJson(iparams, 'freshsales')).not.toHaveProperty('placeholder_type_crm');
  });

  it('installs with the demo values and fills the defaults', () => {
    const result = parseIparamValues(iparams, { phone_api_id: 'id', phone_api_token: 't', crm_domain: 'acme.freshsales.io', crm_api_key: 'k' }, 'freshsales');
    expect(result.ok && result.values).toMatchObject({ auto_create_contacts: true, placeholder_type_classic: 'contact', placeholder_name: 'Unknown caller' });
  });

  it('names each server method once, within the platform\'s rules', () => {
    const names = SERVER_METHODS.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('rejects a call log with a bad number or an unknown outcome, naming the field', () => {
    const bad = v.safeParse(logCall.input, { target: { type: 'contact', id: 1 }, direction: 'inbound', outcome: 'Great', durationSeconds: 5, phone: '555' });
    expect(bad.success).toBe(false);
    expect(bad.issues?.map((i) => v.getDotPath(i)).sort()).toEqual(['outcome', 'phone']);
  });

  it('opens the modal for either form and types its result', () => {
    expect(v.parse(callbridgeModal.input, { form: 'log-call', target: { type: 'lead', id: 3 } })).toMatchObject({ deals: [] });
    expect(v.safeParse(callbridgeModal.input, { form: 'create-contact', phone: '+1', defaultName: 'x', allowedTypes: [] }).success).toBe(false);
  });
});

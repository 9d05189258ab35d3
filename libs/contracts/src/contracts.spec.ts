import * as v from 'valibot';
import { checkIparams, parseIparamValues, SECRET_LOOKING_NAME, toIparamsJson, type IparamDefinition } from '@callbridge/core';
import { describe, expect, it } from 'vitest';
import { callbridgeModal } from './modal';
import { iparams } from './iparams';
import { currentCall } from './live-call';
import { SERVER_METHODS } from './server-method-list';
import { dial, dialInput } from './methods/dial';
import { logCall } from './methods/log-call';

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

  it('lists currentCall among the server methods the app declares', () => {
    expect(SERVER_METHODS).toContain(currentCall);
    expect(currentCall).toMatchObject({ name: 'currentCall', timeout: 5 });
  });

  it('asks for the current call with nothing, or with the call the phone app is handling', () => {
    expect(v.parse(currentCall.input, {})).toEqual({});
    expect(v.parse(currentCall.input, { handling: '812' })).toEqual({ handling: '812' });
    expect(v.safeParse(currentCall.input, { handling: '' }).success).toBe(false);
  });

  it('answers no call, a live call, or an ended call with its duration', () => {
    const ringing = { callId: '812', phone: '+14155550199', direction: 'inbound', state: 'ringing', startedAt: '2026-11-05T10:00:00.000Z' };
    expect(v.parse(currentCall.output, { call: null })).toEqual({ call: null });
    expect(v.parse(currentCall.output, { call: ringing })).toEqual({ call: ringing });
    expect(v.parse(currentCall.output, { call: { ...ringing, state: 'ended', durationSeconds: 95 } }).call).toMatchObject({ state: 'ended', durationSeconds: 95 });
  });

  it('refuses a current call that is not E.164, in an unknown state, or with a negative duration, naming the field', () => {
    const bad = v.safeParse(currentCall.output, {
      call: { callId: '812', phone: '415 555', direction: 'sideways', state: 'on_hold', startedAt: 'now', durationSeconds: -1 },
    });
    expect(bad.issues?.map((i) => v.getDotPath(i)).sort()).toEqual(['call.direction', 'call.durationSeconds', 'call.phone', 'call.state']);
    expect(v.safeParse(currentCall.output, {}).success).toBe(false);
  });

  it("carries how an ended call went, and reads an outcome it does not know as none rather than failing the poll", () => {
    const ended = { callId: '812', phone: '+14155550199', direction: 'inbound', state: 'ended', startedAt: '2026-11-05T10:00:00.000Z', durationSeconds: 0 };
    expect(v.parse(currentCall.output, { call: { ...ended, outcome: 'Left voicemail' } }).call).toMatchObject({ outcome: 'Left voicemail' });
    expect(v.parse(currentCall.output, { call: { ...ended, outcome: 'Fabulous' } }).call?.outcome).toBeUndefined();
    expect(v.parse(currentCall.output, { call: ended }).call).not.toHaveProperty('outcome');
  });

  it("dials with the rep's email when it is one, and without it otherwise", () => {
    expect(dialInput('+14155550123', 'ana.rep@example.com')).toEqual({ to: '+14155550123', agentEmail: 'ana.rep@example.com' });
    expect(dialInput('+14155550123', undefined)).toEqual({ to: '+14155550123' });
    expect(dialInput('+14155550123', 'not an email')).toEqual({ to: '+14155550123' });
    expect(dialInput('+14155550123', '')).toEqual({ to: '+14155550123' });
    for (const email of ['ana.rep@example.com', undefined, 'not an email']) expect(v.safeParse(dial.input, dialInput('+14155550123', email)).success).toBe(true);
    expect(v.safeParse(dial.input, { to: '+14155550123', agentEmail: 'nope' }).issues?.map((i) => [v.getDotPath(i), i.message])).toEqual([['agentEmail', 'The agent email is not an email address']]);
  });

  it('logs a phone system call by its id, and says when it was logged before', () => {
    const input = { target: { type: 'contact', id: 1 }, direction: 'inbound', outcome: 'Connected', durationSeconds: 95, callId: '812' };
    expect(v.parse(logCall.input, input)).toMatchObject({ callId: '812' });
    expect(v.safeParse(logCall.input, { ...input, callId: '' }).success).toBe(false);
    const call = { id: '7', direction: 'inbound', outcome: 'Connected', durationSeconds: 95, startedAt: '2026-11-05T10:00:00Z' };
    expect(v.parse(logCall.output, { call, alreadyLogged: true })).toEqual({ call, alreadyLogged: true });
    expect(v.parse(logCall.output, { call })).toEqual({ call });
  });
});

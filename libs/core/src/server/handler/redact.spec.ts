import { describe, expect, it } from 'vitest';
import { defineIparams } from '../../iparams/definition';
import { createRedactor, redact, REDACTED } from './redact';

const payload = {
  event: 'onExternalEvent',
  iparams: { aircall_credentials: 'id:secretpass', webhook_token: 'whtok_123', crm_domain: 'acme.myfreshworks.com', short_key: 'ab' },
  headers: { 'Content-Type': 'application/json', Authorization: 'Basic abc', 'X-Signature': ['s1'] },
  data: { token: 'whtok_123', note: 'call from whtok_123 owner', nested: [{ echo: 'id:secretpass' }], count: 3 },
};

describe('redact', () => {
  it('hides iparams named like credentials, and every copy of their values', () => {
    const safe = redact(payload);
    expect(safe.iparams).toEqual({ aircall_credentials: 'id:secretpass', webhook_token: REDACTED, crm_domain: 'acme.myfreshworks.com', short_key: REDACTED });
    expect(safe.data).toEqual({ token: REDACTED, note: `call from ${REDACTED} owner`, nested: [{ echo: 'id:secretpass' }], count: 3 });
  });

  it('hides the iparams the app marks secure, by name or by definition', () => {
    expect(redact(payload, ['aircall_credentials']).data.nested).toEqual([{ echo: REDACTED }]);
    const defs = defineIparams({ aircall_credentials: { displayName: 'Aircall', type: 'text', secure: true } });
    expect(redact(payload, defs).iparams.aircall_credentials).toBe(REDACTED);
  });

  it('hides credential headers', () => {
    expect(redact(payload).headers).toEqual({ 'Content-Type': 'application/json', Authorization: REDACTED, 'X-Signature': [REDACTED] });
  });

  it('copies, never changes the payload', () => {
    redact(payload);
    expect(payload.iparams.webhook_token).toBe('whtok_123');
  });

  it('scrubs text and leaves values that are too short to be secrets', () => {
    const redactor = createRedactor({ api_key: 'k1', token: 'abcd1234' });
    expect(redactor.scrub('abcd1234 and k1')).toBe(`${REDACTED} and k1`);
    expect(createRedactor(undefined).scrub('nothing to hide')).toBe('nothing to hide');
  });
});

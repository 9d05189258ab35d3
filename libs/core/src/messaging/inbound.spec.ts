import { describe, expect, it } from 'vitest';
import { createEnvelope } from './envelope';
import { parseInstanceMessage } from './inbound';

const envelope = createEnvelope('broadcast', 'id-1', 'call.logged', { callId: 'c1' });

describe('parseInstanceMessage', () => {
  it('reads the documented shape {senderId, message}', () => {
    expect(parseInstanceMessage({ senderId: '4', message: envelope })).toEqual({
      ok: true,
      senderId: '4',
      envelope: { cb: 1, kind: 'broadcast', id: 'id-1', type: 'call.logged', payload: { callId: 'c1' } },
    });
  });

  it('reads the double-nested shape some docs show, and the `sender` spelling of one sample', () => {
    expect(parseInstanceMessage({ senderId: '4', message: { message: envelope } })).toMatchObject({ ok: true, senderId: '4' });
    expect(parseInstanceMessage({ sender: 7, message: envelope })).toMatchObject({ ok: true, senderId: '7' });
  });

  it('explains why anything else is not ours, without throwing', () => {
    expect(parseInstanceMessage('hello')).toEqual({ ok: false, reason: 'the event data is not an object' });
    expect(parseInstanceMessage({ message: envelope })).toEqual({ ok: false, reason: 'the event data has no senderId' });
    expect(parseInstanceMessage({ senderId: '', message: envelope })).toMatchObject({ ok: false });
    const foreign = parseInstanceMessage({ senderId: '4', message: { name: 'James', email: 'james@example.com' } });
    expect(foreign).toMatchObject({ ok: false, reason: expect.stringContaining('not a Callbridge envelope') as unknown });
    expect(parseInstanceMessage({ senderId: '4', message: { message: { ...envelope, cb: 2 } } })).toMatchObject({ ok: false });
    expect(parseInstanceMessage({ senderId: '4', message: { ...envelope, kind: 'shout' } })).toMatchObject({ ok: false });
  });
});

describe('createEnvelope', () => {
  it('adds the error only to failed replies', () => {
    expect(createEnvelope('reply', 'r', 't', null, { message: 'boom' })).toEqual({
      cb: 1,
      kind: 'reply',
      id: 'r',
      type: 't',
      payload: null,
      error: { message: 'boom' },
    });
    expect(createEnvelope('reply', 'r', 't', 1)).not.toHaveProperty('error');
  });
});

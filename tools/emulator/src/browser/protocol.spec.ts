import { describe, expect, it } from 'vitest';
import { ackMessage, callMessage, errorMessage, eventMessage, idGenerator, parseHostMessage, parseInstanceMessage, replyMessage } from './protocol';
import { isPlatformError, platformError, toPlatformError } from './platform-error';

describe('protocol', () => {
  it('round-trips every envelope kind', () => {
    expect(parseInstanceMessage(callMessage('c1', 'data.get', ['loggedInUser']))).toMatchObject({ kind: 'call', method: 'data.get' });
    expect(parseInstanceMessage(ackMessage('e1'))).toMatchObject({ kind: 'ack', id: 'e1' });
    expect(parseHostMessage(replyMessage('c1', { a: 1 }))).toMatchObject({ ok: true, value: { a: 1 } });
    expect(parseHostMessage(errorMessage('c1', platformError(400, 'no')))).toMatchObject({ ok: false, error: { status: 400, message: 'no' } });
    expect(parseHostMessage(eventMessage('e1', 'app.activated', {}))).toMatchObject({ kind: 'event', name: 'app.activated' });
  });

  it('refuses anything that is not a well-formed envelope', () => {
    for (const junk of [null, 'hello', 42, {}, { marker: 'fdk-emulator' }, { ...callMessage('c', 'init', []), v: 2 }, { ...callMessage('c', 'init', []), method: 'eval' }]) {
      expect(parseInstanceMessage(junk)).toBeUndefined();
      expect(parseHostMessage(junk)).toBeUndefined();
    }
    expect(parseInstanceMessage({ ...callMessage('c', 'init', []), args: 'x' })).toBeUndefined();
    expect(parseHostMessage({ ...errorMessage('c', platformError(400, 'x')), error: { message: 'no status' } })).toBeUndefined();
  });

  it('hands out distinct ids', () => {
    const next = idGenerator('call');
    expect(next()).not.toBe(next());
    expect(next()).toMatch(/^call-/);
  });
});

describe('platform errors', () => {
  it('keeps platform errors and converts anything else into one', () => {
    const error = platformError(404, 'Record not found', 'APP');
    expect(toPlatformError(error)).toBe(error);
    expect(isPlatformError({ status: 1 })).toBe(false);
    expect(toPlatformError(new Error('boom'))).toEqual({ status: 500, message: 'The emulator failed: boom', errorSource: 'PLATFORM' });
    expect(toPlatformError('odd')).toMatchObject({ status: 500, message: 'The emulator failed: odd' });
  });
});

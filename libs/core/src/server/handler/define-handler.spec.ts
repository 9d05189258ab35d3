import { afterEach, describe, expect, it, vi } from 'vitest';
import { platformReject } from '../../testing/fake-db';
import { createFakeServerGlobals } from '../../testing/fake-server';
import { HandlerFailure } from '../failure';
import { defineHandler } from './define-handler';
import type { LogSink } from './logger';

const secret = 'sk_live_0123456789';
const iparams = { phone_api_token: secret, crm_domain: 'acme.myfreshworks.com' };

function setup(now = Date.parse('2026-03-01T10:00:00Z')) {
  const fake = createFakeServerGlobals({ iparams, now: () => now });
  const logger: LogSink = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  return { fake, logger, options: { globals: fake, logger, now: () => now } };
}

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

describe('defineHandler answers exactly once', () => {
  it('with the result', async () => {
    const { fake, options } = setup();
    const handler = defineHandler('onScheduledEvent', (payload) => ({ seen: payload.data.kind }), options);
    await handler(fake.payload('onScheduledEvent', { kind: 'reconcile' }));
    expect(fake.answer()).toEqual({ error: null, data: { seen: 'reconcile' } });
  });

  it('with {} when the body returns nothing', async () => {
    const { fake, options } = setup();
    await defineHandler('onAppInstall', async () => {}, options)(fake.payload('onAppInstall'));
    expect(fake.answer()).toEqual({ error: null, data: {} });
  });

  it('with a HandlerFailure as written', async () => {
    const { fake, options, logger } = setup();
    await defineHandler('onAppInstall', () => {
      throw new HandlerFailure(422, 'Aircall rejected the webhook URL');
    }, options)(fake.payload('onAppInstall'));
    expect(fake.answer().error).toEqual({ status: 422, message: 'Aircall rejected the webhook URL' });
    expect(logger.warn).toHaveBeenCalledWith('[onAppInstall] Aircall rejected the webhook URL');
  });

  it('with a platform error left uncaught: its status, never its response body', async () => {
    const { fake, options } = setup();
    await defineHandler('onAppInstall', () => platformReject(429, undefined, { headers: {}, response: '{"secret": "body"}', errorSource: 'APP' }), options)(
      fake.payload('onAppInstall'),
    );
    expect(fake.answer().error).toEqual({ status: 429, message: 'onAppInstall failed: a platform call failed with status 429' });
  });

  it('with a platform error and its message; a nonsense status becomes 500', async () => {
    const { fake, options } = setup();
    await defineHandler('onScheduledEvent', () => fake.$db.get('missing'), options)(fake.payload('onScheduledEvent', {}));
    await defineHandler('onScheduledEvent', () => platformReject(200, 'odd'), options)(fake.payload('onScheduledEvent', {}));
    expect(fake.answers.map((a) => a.error)).toEqual([
      { status: 404, message: 'onScheduledEvent failed: Record not found' },
      { status: 500, message: 'onScheduledEvent failed: odd' },
    ]);
  });

  it.each<[string, unknown, string]>([
    ['an Error', new TypeError("Cannot read properties of undefined (reading 'id')"), "Cannot read properties of undefined (reading 'id')"],
    ['an Error with a stack in its message', new Error('boom\n    at handler (/app/server.js:1:1)'), 'boom'],
    ['an Error without message', new RangeError(''), 'RangeError'],
    ['a string', 'nope', 'nope'],
    ['an empty string', '', 'an empty string was thrown'],
    ['a number', 42, 'a non-Error value was thrown (number)'],
    ['undefined', undefined, 'a non-Error value was thrown (undefined)'],
    ['null', null, 'a non-Error value was thrown (null)'],
    ['an object', { reason: 'x' }, 'a non-Error value was thrown (object)'],
    ['an array', [1], 'a non-Error value was thrown (array)'],
  ])('with a safe 500 when the body throws %s', async (_, thrown, message) => {
    const { fake, options, logger } = setup();
    await defineHandler('onAppUninstall', () => {
      throw thrown;
    }, options)(fake.payload('onAppUninstall'));
    expect(fake.answer().error).toEqual({ status: 500, message: `onAppUninstall failed: ${message}` });
    expect(logger.error).toHaveBeenCalledOnce();
  });

  it('never puts a stack or a secret in the answer', async () => {
    const { fake, options, logger } = setup();
    await defineHandler('onAppInstall', (payload) => {
      throw new Error(`GET https://api.aircall.io/v1/webhooks?token=${String(payload.iparams.phone_api_token)} failed\n    at x (y.js:1:1)`);
    }, options)(fake.payload('onAppInstall'));
    const { message } = fake.answer().error ?? { message: '' };
    expect(message).toBe('onAppInstall failed: GET https://api.aircall.io/v1/webhooks?token=[redacted] failed');
    expect(JSON.stringify(vi.mocked(logger.error).mock.calls)).not.toContain(secret);
  });

  it('with a 400 naming the field when the payload is wrong, without running the body', async () => {
    const { fake, options } = setup();
    const body = vi.fn();
    const payload = fake.payload('onContactCreate', { contact: { id: '7', first_name: 'A', last_name: null, mobile_number: null, work_number: null } });
    await defineHandler('onContactCreate', body, options)(payload);
    expect(body).not.toHaveBeenCalled();
    expect(fake.answer().error).toEqual({ status: 400, message: 'onContactCreate: data.contact.id: expected number, received string' });
  });

  it('with a 500 when the result has no JSON form', async () => {
    const { fake, options, logger } = setup();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await defineHandler('onAppInstall', () => circular, options)(fake.payload('onAppInstall'));
    await defineHandler('onAppInstall', () => () => 1, options)(fake.payload('onAppInstall'));
    expect(fake.answers.map((a) => a.error)).toEqual([
      { status: 500, message: 'onAppInstall failed: its result cannot be sent as JSON' },
      { status: 500, message: 'onAppInstall failed: its result cannot be sent as JSON' },
    ]);
    expect(logger.error).toHaveBeenCalledWith(expect.stringMatching(/^\[onAppInstall\] the result has no JSON form: /));
  });

  it('once, even when renderData throws', async () => {
    const { fake, logger } = setup();
    const renderData = vi.fn(() => {
      throw new Error('sandbox closed');
    });
    await defineHandler('onAppInstall', () => ({ ok: true }), { globals: { ...fake, renderData }, logger })(fake.payload('onAppInstall'));
    expect(renderData).toHaveBeenCalledOnce();
    expect(logger.error).toHaveBeenCalledWith('[onAppInstall] renderData threw: sandbox closed');
  });

  it('not at all, and without rejecting, when there is no renderData', async () => {
    const logger: LogSink = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    await expect(defineHandler('onAppInstall', () => ({}), { globals: {}, logger })({})).resolves.toBeUndefined();
    expect(logger.error).toHaveBeenCalledWith(expect.stringMatching(/^\[onAppInstall\] cannot answer: renderData is not available here/));
  });
});

describe('the handler context', () => {
  it('reads the globals from globalThis when the handler runs', async () => {
    const { fake } = setup();
    const handler = defineHandler('onAppInstall', async (_, ctx) => {
      await ctx.db.set('webhook:aircall', { id: 7 });
      return { url: await ctx.generateTargetUrl(), product: ctx.product, event: ctx.event };
    });
    uninstall = fake.install();
    await handler(fake.payload('onAppInstall'));
    expect(fake.answer().data).toEqual({ url: 'https://fake-platform.test/webhooks/app', product: 'freshworks_crm', event: 'onAppInstall' });
    expect(fake.$db.dump()).toEqual({ 'webhook:aircall': { id: 7 } });
  });

  it('gives the clock, the iparams, the schedule and the request API', async () => {
    const { fake, options } = setup(Date.parse('2026-03-01T10:00:00Z'));
    await defineHandler('onAppInstall', async (_, ctx) => {
      await ctx.request.get('https://api.aircall.io/v1/ping').catch(() => undefined);
      return { now: ctx.now().toISOString(), domain: ctx.iparams.crm_domain, schedules: await ctx.schedule.fetch({ name: 'x' }).catch((e: { status: number }) => e.status) };
    }, options)(fake.payload('onAppInstall'));
    expect(fake.answer().data).toEqual({ now: '2026-03-01T10:00:00.000Z', domain: 'acme.myfreshworks.com', schedules: 404 });
  });

  it('answers 400 when the product cannot be told', async () => {
    const { fake, options } = setup();
    await defineHandler('onAppInstall', (_, ctx) => ({ product: ctx.product }), options)(
      fake.payload('onAppInstall', undefined, { productContext: { name: 'freshdesk' } }),
    );
    expect(fake.answer().error).toEqual({ status: 400, message: 'onAppInstall: productContext.name "freshdesk" is not one of freshworks_crm, freshsales' });
  });

  it('logs with the event name and without secrets', async () => {
    const { fake, options, logger } = setup();
    await defineHandler('onAppInstall', (payload, ctx) => {
      ctx.log.info('installing', ctx.redact(payload));
      ctx.log.warn(`token ${secret} looks odd`);
    }, options)(fake.payload('onAppInstall'));
    const [message, logged] = (vi.mocked(logger.info).mock.calls[0] ?? []) as unknown[];
    expect(message).toBe('[onAppInstall] installing');
    expect(logged).toMatchObject({ iparams: { phone_api_token: '[redacted]', crm_domain: 'acme.myfreshworks.com' } });
    expect(logger.warn).toHaveBeenCalledWith('[onAppInstall] token [redacted] looks odd');
  });

  it('names what it handles', () => {
    expect(defineHandler('onDealUpdate', () => undefined).handles).toBe('onDealUpdate');
  });
});

describe('HandlerFailure', () => {
  it('takes only error statuses', () => {
    expect(() => new HandlerFailure(200, 'ok')).toThrow(RangeError);
    expect(new HandlerFailure(503, 'later').toHandlerError()).toEqual({ status: 503, message: 'later' });
  });
});

import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { z } from 'zod';
import { defineServerMethodContract } from '../../app/server-method';
import { createFakeServerGlobals } from '../../testing/fake-server';
import { defineServerMethod, implementServerMethod } from './server-method';

const FindByPhone = z.object({ phone: z.string().min(5) });

function invoke(fake = createFakeServerGlobals()) {
  return { fake, options: { globals: fake, logger: { info() {}, warn() {}, error() {} } } };
}

describe('defineServerMethod', () => {
  it('checks the name as the platform does', () => {
    expect(() => defineServerMethod('x', FindByPhone, () => ({}))).toThrow('server method "x": the platform accepts names matching');
    expect(() => defineServerMethod('find-by-phone', FindByPhone, () => ({}))).toThrow(/find-by-phone/);
    expect(() => defineServerMethod('a'.repeat(41), FindByPhone, () => ({}))).toThrow();
    expect(defineServerMethod('findByPhone', FindByPhone, () => ({})).handles).toBe('findByPhone');
  });

  it('parses the input, leaving out what the platform adds', async () => {
    const { fake, options } = invoke();
    const method = defineServerMethod('findByPhone', FindByPhone.strict(), (input) => ({ input }), options);
    await method({ phone: '+4420123', iparams: { token: 'secret-token' }, productContext: { name: 'freshsales' }, domain: 'a.freshsales.io' });
    expect(fake.answer()).toEqual({ error: null, data: { input: { phone: '+4420123' } } });
  });

  it('keeps an invocation key the input declares', async () => {
    const { fake, options } = invoke();
    await defineServerMethod('echoDomain', z.object({ domain: z.string() }), (input) => input, options)({ domain: 'x', iparams: {} });
    expect(fake.answer().data).toEqual({ domain: 'x' });
  });

  it('answers 400 naming the field when the input is wrong', async () => {
    const { fake, options } = invoke();
    await defineServerMethod('findByPhone', FindByPhone, () => ({}), options)({ phone: '12' });
    await defineServerMethod('findByPhone', FindByPhone, () => ({}), options)('not an object');
    expect(fake.answers.map((a) => a.error)).toEqual([
      { status: 400, message: 'findByPhone: phone: expected string to have >=5 characters, received 2 characters' },
      { status: 400, message: 'findByPhone: (root): expected object, received string' },
    ]);
  });

  it('gives the iparams and the calling product; a safe 500 on failure', async () => {
    const { fake, options } = invoke();
    const method = defineServerMethod('dial', z.object({}), (_, ctx) => {
      if (ctx.iparams.token !== 'secret-token') throw new Error('no token');
      return { product: ctx.product, name: ctx.name };
    }, options);
    await method({ iparams: { token: 'secret-token' }, productContext: { name: 'freshsales' } });
    await method({ iparams: { token: 'secret-token' }, domain: 'acme.myfreshworks.com' });
    await method({});
    await method({ iparams: { token: 'secret-token' } });
    expect(fake.answers).toEqual([
      { error: null, data: { product: 'freshsales', name: 'dial' } },
      { error: null, data: { product: 'freshworks_crm', name: 'dial' } },
      { error: { status: 500, message: 'dial failed: no token' }, data: undefined },
      { error: { status: 400, message: expect.stringMatching(/^dial: cannot tell the product/) as string }, data: undefined },
    ]);
  });
});

describe('implementServerMethod', () => {
  const contract = defineServerMethodContract({
    name: 'listCalls',
    input: z.object({ contactId: z.number() }),
    output: z.object({ calls: z.array(z.object({ id: z.string() })) }),
  });

  it('answers results that keep the contract', async () => {
    const { fake, options } = invoke();
    await implementServerMethod(contract, ({ contactId }) => ({ calls: [{ id: `c${contactId}` }] }), options)({ contactId: 7 });
    expect(fake.answer()).toEqual({ error: null, data: { calls: [{ id: 'c7' }] } });
  });

  it('answers 500 naming the field when the result breaks it', async () => {
    const { fake, options } = invoke();
    await implementServerMethod(contract, () => ({ calls: [{ id: 7 }] }) as never, options)({ contactId: 7 });
    expect(fake.answer().error).toEqual({ status: 500, message: 'listCalls failed: its result breaks the contract: result: calls[0].id: expected string, received number' });
  });
});

describe('server methods with valibot contracts (what the front end shares)', () => {
  const contract = defineServerMethodContract({
    name: 'logCall',
    input: v.strictObject({ contactId: v.pipe(v.number(), v.integer()), domain: v.optional(v.string()) }),
    output: v.object({ id: v.string() }),
  });

  it('parses input, keeps declared invocation keys, and checks the result', async () => {
    const { fake, options } = invoke();
    await implementServerMethod(contract, (input) => ({ id: `call-${input.contactId}-${input.domain ?? 'none'}` }), options)({
      contactId: 7,
      domain: 'a.freshsales.io',
      iparams: { token: 'secret' },
      productContext: { name: 'freshsales' },
    });
    expect(fake.answer()).toEqual({ error: null, data: { id: 'call-7-a.freshsales.io' } });
  });

  it('answers 400 naming the field, and 500 when the result breaks the contract', async () => {
    const { fake, options } = invoke();
    await implementServerMethod(contract, () => ({ id: 'x' }), options)({ contactId: 'seven' });
    expect(fake.answer()).toMatchObject({ error: { status: 400, message: expect.stringContaining('contactId') as unknown } });
    const broken = invoke();
    await implementServerMethod(contract, () => ({ id: 5 }) as unknown as { id: string }, broken.options)({ contactId: 1 });
    expect(broken.fake.answer()).toMatchObject({ error: { status: 500, message: expect.stringContaining('id') as unknown } });
  });
});

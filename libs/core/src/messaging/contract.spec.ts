import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { defineMessages, type BroadcastType, type ReplyOutput, type RequestInput, type RequestType } from './contract';
import { defineModal } from './modal-contract';

describe('defineMessages', () => {
  it('keeps broadcasts and request types apart, in types too', () => {
    const contract = defineMessages({
      'call.logged': z.object({ callId: z.string() }),
      'calls.find': { request: z.object({ phone: z.string() }), reply: z.array(z.object({ id: z.number() })) },
    });
    type D = typeof contract.definitions;
    expectTypeOf<BroadcastType<D>>().toEqualTypeOf<'call.logged'>();
    expectTypeOf<RequestType<D>>().toEqualTypeOf<'calls.find'>();
    expectTypeOf<RequestInput<D, 'calls.find'>>().toEqualTypeOf<{ phone: string }>();
    expectTypeOf<ReplyOutput<D, 'calls.find'>>().toEqualTypeOf<{ id: number }[]>();
    expect(Object.keys(contract.definitions)).toEqual(['call.logged', 'calls.find']);
  });

  it('refuses bad names and entries with an explanation', () => {
    expect(() => defineMessages({ '': z.string() })).toThrow(/not a valid name/);
    expect(() => defineMessages({ 'call logged': z.string() })).toThrow(/not a valid name/);
    expect(() => defineMessages({ 'calls.find': { request: z.string() } } as never)).toThrow(
      'Message type "calls.find" must be a schema (a broadcast) or { request: schema, reply: schema } (a request type).',
    );
    expect(() => defineMessages({ x: null } as never)).toThrow(/must be a schema/);
  });
});

describe('defineModal', () => {
  it('defaults to showModal', () => {
    const modal = defineModal({ template: 'modal.html', input: z.object({}), result: z.object({}) });
    expect(modal).toMatchObject({ template: 'modal.html', action: 'showModal' });
    expect(defineModal({ template: 'd.html', input: z.null(), result: z.null(), action: 'showDialog' }).action).toBe('showDialog');
  });

  it('needs a template and two schemas', () => {
    expect(() => defineModal({ template: ' ', input: z.null(), result: z.null() })).toThrow(/needs its template/);
    expect(() => defineModal({ template: 'm.html', input: {} as z.ZodNull, result: z.null() })).toThrow(
      'Modal "m.html" needs schemas (zod or valibot) for both input and result.',
    );
  });
});

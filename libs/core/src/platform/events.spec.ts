import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventTimeoutMs, isEventOf, PRODUCT_EVENTS, SERVER_METHOD_NAME } from './events';
import { PRODUCTS } from './products';

const payloads = new URL('../../payloads/', import.meta.url);

describe('product events', () => {
  it.each(PRODUCTS)('lists exactly the events the platform has samples for in %s', (product) => {
    const samples = readdirSync(new URL(`${product}/`, payloads)).map((f) => f.replace(/\.json$/, ''));
    expect([...PRODUCT_EVENTS[product]].sort()).toEqual(samples.sort());
  });

  it('knows lead events only in Freshsales', () => {
    expect(isEventOf('freshsales', 'onLeadUpdate')).toBe(true);
    expect(isEventOf('freshworks_crm', 'onLeadUpdate')).toBe(false);
  });

  it('gives app setup events 10 s and others 20 s', () => {
    expect(eventTimeoutMs('onAppInstall')).toBe(10_000);
    expect(eventTimeoutMs('onAppUninstall')).toBe(10_000);
    expect(eventTimeoutMs('afterAppUpdate')).toBe(10_000);
    expect(eventTimeoutMs('onContactCreate')).toBe(20_000);
  });

  it('accepts server method names as the platform does', () => {
    expect(SERVER_METHOD_NAME.test('findByPhone')).toBe(true);
    expect(SERVER_METHOD_NAME.test('x')).toBe(false);
    expect(SERVER_METHOD_NAME.test('a'.repeat(41))).toBe(false);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isEventOf, type EventName } from '../../platform/events';
import { PRODUCTS, type ProductName } from '../../platform/products';
import { productOf } from '../product/product-of';
import { parsePayload } from './parse';
import { recordOf } from './record-access';

// The platform's own generated samples (what `fdk create` writes to server/test_data), read as they are today.
const folder = new URL('../../../payloads/', import.meta.url);

const samples = PRODUCTS.flatMap((product) =>
  readdirSync(new URL(`${product}/`, folder))
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({ product, event: file.replace(/\.json$/, ''), file: `${product}/${file}` })),
);

function load(file: string): unknown {
  return JSON.parse(readFileSync(new URL(file, folder), 'utf8'));
}

/** Samples whose productContext disagrees with their folder, or that have none and an unrecognisable domain. */
const PRODUCT_EXCEPTIONS: Record<string, ProductName | 'unknown'> = {
  // The platform's sample is mislabelled: productContext.name says freshsales, its url is a Freshworks CRM account.
  'freshworks_crm/onCpqDocumentUpdate.json': 'freshsales',
  // No productContext, and a development domain (*.fsales.dev) that names neither product.
  'freshworks_crm/onUserAgentAvailabilityUpdate.json': 'unknown',
  'freshsales/onUserAgentAvailabilityUpdate.json': 'unknown',
};

describe('the platform sample payloads', () => {
  it('cover every event of both products', () => {
    expect(samples.length).toBeGreaterThanOrEqual(63);
  });

  it.each(samples)('$file parses as $event', ({ product, event, file }) => {
    expect(isEventOf(product, event)).toBe(true);
    const parsed = parsePayload(event as EventName, load(file));
    if (!parsed.ok) throw parsed.error;
    expect(parsed.value.event).toBe(event);

    const expected = PRODUCT_EXCEPTIONS[file] ?? product;
    if (expected === 'unknown') expect(() => productOf(parsed.value)).toThrow(/cannot tell the product/);
    else expect(productOf(parsed.value)).toBe(expected);
  });

  it('also parses the JSON text as sent', () => {
    const parsed = parsePayload('onDealUpdate', readFileSync(new URL('freshsales/onDealUpdate.json', folder), 'utf8'));
    expect(parsed.ok).toBe(true);
  });
});

describe('records in both forms', () => {
  const contactOf = (product: ProductName) => {
    const parsed = parsePayload('onContactUpdate', load(`${product}/onContactUpdate.json`));
    if (!parsed.ok) throw parsed.error;
    return recordOf(parsed.value);
  };

  it('unwraps Freshworks CRM {label, type, value} fields to plain values', () => {
    const contact = contactOf('freshworks_crm');
    expect(contact).toMatchObject({ id: 5470, first_name: 'test11', last_name: 'test', mobile_number: '999999', work_number: null, name: 'test11 test' });
  });

  it('reads Freshsales Classic fields as they are', () => {
    const contact = contactOf('freshsales');
    expect(contact).toMatchObject({ id: 24, display_name: 'Jane Sampleton', mobile_number: '3333333332', work_number: '2222222221' });
  });

  it('keeps fields it does not model, as sent', () => {
    const contact = contactOf('freshworks_crm') as Record<string, unknown>;
    expect(contact.lead_score).toEqual({ label: 'Score', type: 'number', value: 1 });
  });

  it('finds the custom module record under either name', () => {
    for (const product of PRODUCTS) {
      const parsed = parsePayload('onCustomModuleUpdate', load(`${product}/onCustomModuleUpdate.json`));
      if (!parsed.ok) throw parsed.error;
      expect(recordOf(parsed.value).name).toBe('Robert Downey, Jr');
    }
  });
});

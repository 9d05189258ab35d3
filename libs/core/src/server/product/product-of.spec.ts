import { describe, expect, it } from 'vitest';
import { crmApiBaseUrl, forProduct, productOf, ProductContextError } from './product-of';

describe('productOf', () => {
  it('reads productContext.name', () => {
    expect(productOf({ productContext: { name: 'freshsales', url: 'https://a.freshsales.io' } })).toBe('freshsales');
    expect(productOf({ productContext: { name: 'freshworks_crm' }, domain: 'a.freshsales.io' })).toBe('freshworks_crm');
  });

  it('falls back to the account host when the platform sent no productContext', () => {
    expect(productOf({ event: 'afterAppUpdate', domain: 'https://sample.freshsales.io' })).toBe('freshsales');
    expect(productOf({ event: 'afterAppUpdate', domain: 'sample.myfreshworks.com' })).toBe('freshworks_crm');
  });

  it('refuses a product it does not know, naming it', () => {
    const read = () => productOf({ event: 'onContactCreate', productContext: { name: 'freshdesk' } });
    expect(read).toThrow(ProductContextError);
    expect(read).toThrow('onContactCreate: productContext.name "freshdesk" is not one of freshworks_crm, freshsales');
  });

  it('says why when nothing tells', () => {
    expect(() => productOf({ event: 'onUserAgentAvailabilityUpdate', domain: 'x.fsales.dev' })).toThrow(
      'onUserAgentAvailabilityUpdate: cannot tell the product: no productContext.name, and domain "x.fsales.dev" is not a *.myfreshworks.com or *.freshsales.io account',
    );
    expect(() => productOf({})).toThrow(/^payload: cannot tell the product/);
  });

  it('answers 400 when a handler lets it through', () => {
    try {
      productOf({});
    } catch (error) {
      expect((error as ProductContextError).status).toBe(400);
    }
  });
});

describe('per-product values', () => {
  const crm = { domain: 'acme.myfreshworks.com', productContext: { name: 'freshworks_crm' } };
  const classic = { domain: 'https://acme.freshsales.io', productContext: { name: 'freshsales' } };

  it('picks the value for the payload product', () => {
    const contactTypes = { freshworks_crm: ['contact'], freshsales: ['contact', 'lead'] };
    expect(forProduct(crm, contactTypes)).toEqual(['contact']);
    expect(forProduct(classic, contactTypes)).toEqual(['contact', 'lead']);
  });

  it('knows where each product serves its REST API', () => {
    expect(crmApiBaseUrl(crm)).toBe('https://acme.myfreshworks.com/crm/sales/api');
    expect(crmApiBaseUrl(classic)).toBe('https://acme.freshsales.io/api');
  });
});

describe('productOf on untrusted carriers', () => {
  it('answers a 400-style error, not a crash, when url or domain are not strings', () => {
    const carrier = { event: 'findByPhone', productContext: { url: 42 }, domain: { host: 'x' } } as unknown as Parameters<typeof productOf>[0];
    expect(() => productOf(carrier)).toThrow(ProductContextError);
    expect(() => productOf(carrier)).toThrow('findByPhone: cannot tell the product');
  });
});

import { describe, expect, it } from 'vitest';
import { fromIparamsJson, toIparamsJson, iparamsDifferByProduct, secureIparamNames } from './config';
import { checkIparams, defineIparams, IparamDefinitionError, SECRET_LOOKING_NAME, type IparamDefinition } from './definition';
import { createIparamReader, SecureIparamError } from './reader';
import { parseIparamValues, publicIparamValues } from './values';

const iparams = defineIparams({
  phone_api_token: { displayName: 'Phone API token', type: 'text', required: true, secure: true },
  crm_domain: { displayName: 'CRM domain', type: 'text', required: true, dataBind: 'product.domain' },
  auto_create: { displayName: 'Create placeholder contacts', type: 'checkbox', defaultValue: true },
  contact_type: {
    displayName: 'Placeholder type',
    type: 'dropdown',
    options: ['contact', 'lead'],
    defaultValue: 'contact',
    products: ['freshsales'],
  },
  default_name: {
    displayName: 'Default name',
    type: 'text',
    regex: { name: 'name-shape', pattern: '^[A-Za-z ]{2,40}$', message: 'Use 2 to 40 letters' },
    onChange: 'nameChanged',
  },
  retries: { displayName: 'Retries', type: 'number' },
  tags: { displayName: 'Tags', type: 'multiselect', options: ['a', 'b'] },
  site: { displayName: 'Site', type: 'url', visible: false, description: 'Your site' },
  owner: { displayName: 'Owner', type: 'email' },
  hotline: { displayName: 'Hotline', type: 'phone_number' },
  since: { displayName: 'Since', type: 'date' },
});

describe('checkIparams', () => {
  it('accepts a sound definition', () => {
    expect(() => checkIparams(iparams)).not.toThrow();
  });

  const bad = (def: Partial<IparamDefinition>, name = 'x') => () =>
    checkIparams(defineIparams({ [name]: { displayName: 'X', type: 'text', ...def } }));

  it.each<[string, () => unknown, RegExp]>([
    ['a bad name', bad({}, '9lives'), /iparam "9lives": names start with a letter/],
    ['an empty display name', bad({ displayName: ' ' }), /displayName is empty/],
    ['an unknown type', bad({ type: 'domain' as never }), /type "domain" is not one of/],
    ['a dropdown without options', bad({ type: 'dropdown' }), /a dropdown needs options/],
    ['options on text', bad({ options: ['a'] }), /options only apply/],
    ['a default outside the options', bad({ type: 'radio', options: ['a'], defaultValue: 'b' }), /default b is not among its options/],
    ['a regex that does not compile', bad({ regex: { name: 'r', pattern: '(', message: 'm' } }), /regex "\(" does not compile/],
    ['a regex without message', bad({ regex: { name: 'r', pattern: 'a', message: '' } }), /regex needs an error message/],
    ['data-bind on a non-text iparam', bad({ type: 'number', dataBind: 'product.domain' }), /data-bind works only on text/],
    ['an empty product list', bad({ products: [] }), /products is empty/],
  ])('rejects %s, naming the iparam', (_, define, message) => {
    expect(define).toThrow(IparamDefinitionError);
    expect(define).toThrow(message);
  });

  it('spots names that look like credentials', () => {
    expect(['api_key', 'authToken', 'client_secret', 'password'].every((n) => SECRET_LOOKING_NAME.test(n))).toBe(true);
    expect(SECRET_LOOKING_NAME.test('crm_domain')).toBe(false);
  });
});

describe('config/iparams.json', () => {
  it('spells each attribute as the platform does, per product', () => {
    const json = toIparamsJson(iparams, 'freshsales');
    expect(json.phone_api_token).toEqual({ display_name: 'Phone API token', type: 'text', required: true, secure: true });
    expect(json.crm_domain?.['data-bind']).toBe('product.domain');
    expect(json.default_name?.regex).toEqual({ 'name-shape': '^[A-Za-z ]{2,40}$', 'name-shape-error': 'Use 2 to 40 letters' });
    expect(json.default_name?.events).toEqual([{ change: 'nameChanged' }]);
    expect(json.contact_type).toMatchObject({ options: ['contact', 'lead'], default_value: 'contact' });
    expect(json.site).toMatchObject({ visible: false, description: 'Your site' });
    expect(Object.keys(toIparamsJson(iparams, 'freshworks_crm'))).not.toContain('contact_type');
  });

  it('knows when products need different pages and which names are secure', () => {
    expect(iparamsDifferByProduct(iparams)).toBe(true);
    expect(iparamsDifferByProduct({ a: { displayName: 'A', type: 'text' } })).toBe(false);
    expect(secureIparamNames(iparams)).toEqual(['phone_api_token']);
  });
});

describe('parseIparamValues', () => {
  const valid = {
    phone_api_token: 'secret',
    crm_domain: 'acme.myfreshworks.com',
    default_name: 'Unknown caller',
    retries: '3',
    tags: ['a'],
    site: 'https://acme.example',
    owner: 'admin@acme.example',
    hotline: '+1 (415) 555-0100',
    since: '2026-01-31',
    auto_create: 'false',
    extra: 'dropped',
  };

  it('gives typed values with defaults filled and unknown keys dropped', () => {
    const result = parseIparamValues(iparams, valid, 'freshsales');
    expect(result).toEqual({
      ok: true,
      values: expect.objectContaining({ retries: 3, auto_create: false, contact_type: 'contact', tags: ['a'] }) as unknown,
    });
    if (result.ok) expect(result.values).not.toHaveProperty('extra');
  });

  it('names every field that is wrong, with the message the admin sees', () => {
    const result = parseIparamValues(
      iparams,
      {
        crm_domain: '',
        default_name: '1',
        retries: 'many',
        tags: ['z'],
        site: 'not a url',
        owner: 'nobody',
        hotline: 'call me',
        since: '31/01/2026',
        auto_create: 'yes',
        contact_type: 'account',
      },
      'freshsales',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { iparam: 'phone_api_token', message: 'Phone API token is required' },
      { iparam: 'crm_domain', message: 'CRM domain is required' },
      { iparam: 'auto_create', message: 'Create placeholder contacts must be true or false' },
      { iparam: 'contact_type', message: 'Placeholder type "account" is not one of contact, lead' },
      { iparam: 'default_name', message: 'Default name Use 2 to 40 letters' },
      { iparam: 'retries', message: 'Retries must be a number' },
      { iparam: 'tags', message: 'Tags has z, not among its options' },
      { iparam: 'site', message: 'Site must be a URL' },
      { iparam: 'owner', message: 'Owner must be an email address' },
      { iparam: 'hotline', message: 'Hotline must be a phone number' },
      { iparam: 'since', message: 'Since must be a date (YYYY-MM-DD)' },
    ]);
  });

  it('rejects a non-text value for a text iparam and a non-object input', () => {
    expect(parseIparamValues(iparams, { ...valid, crm_domain: 42 }, 'freshworks_crm')).toMatchObject({
      ok: false,
      issues: [{ iparam: 'crm_domain', message: 'CRM domain must be text' }],
    });
    expect(parseIparamValues(iparams, null, 'freshsales')).toMatchObject({ ok: false, issues: [{ iparam: '(all)' }] });
  });

  it('ignores iparams the product does not show', () => {
    expect(parseIparamValues(iparams, { ...valid, contact_type: 'bogus' }, 'freshworks_crm').ok).toBe(true);
  });

  it('strips secure values for the front end', () => {
    expect(publicIparamValues(iparams, { phone_api_token: 's', crm_domain: 'd' })).toEqual({ crm_domain: 'd' });
  });
});

describe('createIparamReader', () => {
  const source = {
    calls: 0,
    get() {
      this.calls += 1;
      return Promise.resolve({ crm_domain: 'acme.myfreshworks.com' });
    },
  };

  it('reads public iparams once, with defaults for unset ones', async () => {
    const reader = createIparamReader(iparams, source);
    expect(await reader.get('crm_domain')).toBe('acme.myfreshworks.com');
    expect(await reader.get('contact_type')).toBe('contact');
    expect(source.calls).toBe(1);
  });

  it('refuses secure iparams: a type error, and a runtime error past the types', async () => {
    const reader = createIparamReader(iparams, source);
    // @ts-expect-error a secure iparam is not a name the front end can read
    await expect(reader.get('phone_api_token')).rejects.toThrow(SecureIparamError);
    // @ts-expect-error not defined at all
    await expect(reader.get('nope')).rejects.toThrow('iparam "nope" is not defined');
  });
});

describe('fromIparamsJson', () => {
  it('reads back what toIparamsJson writes', () => {
    const json = toIparamsJson(iparams, 'freshsales');
    const { definitions, problems } = fromIparamsJson(json);
    expect(problems).toEqual([]);
    expect(toIparamsJson(definitions, 'freshsales')).toEqual(json);
  });

  it('tolerates what real apps write and names broken entries', () => {
    const { definitions, problems } = fromIparamsJson({
      odd: { type: 'domain', regex: { only: 'x' } },
      broken: 'text',
    });
    expect(definitions.odd).toEqual({ displayName: 'odd', type: 'text', regex: { name: 'only', pattern: 'x', message: 'odd is not valid' } });
    expect(problems).toEqual(['broken: expected an object']);
  });
});

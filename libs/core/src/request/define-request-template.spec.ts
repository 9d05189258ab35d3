import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { defineRequestTemplate, type RequestTemplateDefinition, type ResponseOf } from './define-request-template';
import { RequestTemplateError } from './request-template-error';

const base = { name: 'aircallListCalls', schema: { method: 'GET', host: 'api.aircall.io', path: '/v1/calls' } } as const;

// Deliberately loose: these definitions are wrong in ways the types would already catch, and must fail at run time too.
interface LoosePatch {
  name?: string;
  schema?: Record<string, unknown>;
  options?: Record<string, unknown>;
  secureIparams?: string[];
  hints?: Record<number, string>;
}

function define(patch: LoosePatch) {
  const definition = { ...base, ...patch, schema: { ...base.schema, ...patch.schema } };
  return () => defineRequestTemplate(definition as unknown as RequestTemplateDefinition<string, undefined>);
}

describe('defineRequestTemplate', () => {
  it('normalises the schema and keeps the rest', () => {
    const template = defineRequestTemplate({
      name: 'crmSearch',
      schema: { method: 'GET', host: '<%= iparam.crm_domain %>', query: { per_page: 25, q: '<%= context.q %>' } },
      options: { maxAttempts: 3 },
      hints: { 401: 'check the CRM API key in the installation settings' },
    });
    expect(template.schema).toEqual({ protocol: 'https', method: 'GET', host: '<%= iparam.crm_domain %>', path: '/', query: { per_page: '25', q: '<%= context.q %>' } });
    expect(template.options).toEqual({ maxAttempts: 3 });
    expect(template.responseFormat).toBe('text');
    expect(Object.isFrozen(template)).toBe(true);
  });

  it('takes its response type from the schema, or string without one', () => {
    const typed = defineRequestTemplate({ ...base, response: z.object({ calls: z.array(z.object({ id: z.number() })) }) });
    const raw = defineRequestTemplate(base);
    expectTypeOf<ResponseOf<typeof typed>>().toEqualTypeOf<{ calls: { id: number }[] }>();
    expectTypeOf<ResponseOf<typeof raw>>().toEqualTypeOf<string>();
    expectTypeOf(typed.name).toEqualTypeOf<'aircallListCalls'>();
    expect(typed.responseFormat).toBe('json');
    expect(raw.responseFormat).toBe('text');
  });

  it.each<[string, () => unknown, RegExp]>([
    ['a name with a dot', define({ name: 'aircall.listCalls' }), /"aircall.listCalls", name: use letters, digits/],
    ['an unknown method', define({ schema: { method: 'HEAD' } }), /schema.method: "HEAD" is not one of GET, POST/],
    ['http', define({ schema: { protocol: 'http' } }), /schema.protocol: only "https"/],
    ['a scheme in host', define({ schema: { host: 'https://api.aircall.io' } }), /schema.host: is a bare domain: drop the scheme/],
    ['a path in host', define({ schema: { host: 'api.aircall.io/v1' } }), /move the path in "api.aircall.io\/v1" to schema.path/],
    ['a port in host', define({ schema: { host: 'api.aircall.io:8443' } }), /ports are not allowed/],
    ['odd characters in host', define({ schema: { host: 'api_aircall!.io' } }), /holds characters a domain cannot/],
    ['an empty host', define({ schema: { host: '' } }), /schema.host: is empty/],
    ['an IP host', define({ schema: { host: '10.0.0.1' } }), /not an IP address/],
    ['a host that is not a string', define({ schema: { host: 42 } }), /schema.host: must be a string, not number/],
    ['a relative path', define({ schema: { path: 'v1/calls' } }), /schema.path: must start with "\/"/],
    ['a path starting with a substitution', define({ schema: { path: '<%= context.path %>' } }), /must start with "\/"/],
    ['a query in path', define({ schema: { path: '/v1/calls?page=1' } }), /put query parameters in schema.query/],
    ['whitespace in path', define({ schema: { path: '/v1/my calls' } }), /schema.path: holds whitespace/],
    ['a body', define({ schema: { body: '{}' } }), /schema.body: a template has no body; pass it when calling/],
    ['an unknown schema key', define({ schema: { timeout: 5 } }), /schema.timeout: is not part of a template schema/],
    ['a bad header name', define({ schema: { headers: { 'X <%= context.h %>': 'v' } } }), /schema.headers\["X <%= context.h %>"\]: is not a valid header name/],
    ['headers that are not an object', define({ schema: { headers: 'Accept: */*' } }), /schema.headers: must be an object/],
    ['a substitution in a query name', define({ schema: { query: { '<%= context.k %>': 'v' } } }), /query parameter names are plain/],
    ['a broken substitution', define({ schema: { path: '/calls/<%= context.id' } }), /schema.path: "<%= context.id" has no closing %>/],
    ['maxAttempts 6', define({ options: { maxAttempts: 6 } }), /options.maxAttempts: 6 must be a whole number from 1 to 5/],
    ['maxAttempts 0', define({ options: { maxAttempts: 0 } }), /options.maxAttempts: 0/],
    ['maxAttempts 2.5', define({ options: { maxAttempts: 2.5 } }), /options.maxAttempts: 2.5/],
    ['retryDelay 1501', define({ options: { retryDelay: 1501 } }), /options.retryDelay: 1501 must be whole milliseconds from 1 to 1500/],
    ['retryDelay as text', define({ options: { retryDelay: '100' } }), /options.retryDelay: "100"/],
    ['isOAuth as text', define({ options: { isOAuth: 'yes' } }), /options.isOAuth: must be true or false/],
    ['an unknown option', define({ options: { timeout: 5 } }), /options.timeout: is not a template option/],
    ['a bad secure iparam name', define({ secureIparams: ['api key'] }), /secureIparams: "api key" is not an iparam name/],
    ['a hint for a non-status', define({ hints: { 42: 'x' } }), /hints.42: hints are keyed by HTTP status/],
    ['an empty hint', define({ hints: { 401: ' ' } }), /hints.401: is empty/],
    ['access_token without isOAuth', define({ schema: { headers: { Authorization: 'Bearer <%= access_token %>' } } }), /options.isOAuth: true/],
    ['access_token in the query', define({ options: { isOAuth: true }, schema: { query: { t: '<%= access_token %>' } } }), /schema.query.t: access_token may only appear in headers/],
  ])('refuses %s', (_, run, message) => {
    expect(run).toThrow(RequestTemplateError);
    expect(run).toThrow(message);
  });

  it.each([
    ['host', { host: '<%= iparam.token %>.example.com' }, 'schema.host'],
    ['path', { path: '/v1/<%= iparam.token %>' }, 'schema.path'],
    ['query', { query: { key: "<%= encode(iparam.id + ':' + iparam.token) %>" } }, 'schema.query.key'],
  ])('refuses a secure iparam in the %s', (_, schema, field) => {
    const run = define({ secureIparams: ['token'], schema });
    expect(run).toThrow(`${field}: uses the secure iparam "token"; secure iparams may only appear in headers, never in a URL`);
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({ templateName: 'aircallListCalls', field, key: 'iparam.token' });
    }
  });

  it('allows secure iparams and access_token in headers', () => {
    const template = defineRequestTemplate({
      name: 'oauth-call',
      schema: { method: 'POST', host: 'api.example.com', headers: { Authorization: 'Bearer <%= access_token %>', 'X-Key': '<%= iparam.token %>' } },
      options: { isOAuth: true },
      secureIparams: ['token'],
    });
    expect(template.compiled.headers.map((h) => h.field)).toEqual(['schema.headers.Authorization', 'schema.headers.X-Key']);
  });
});

import { describe, expect, it } from 'vitest';
import { defineRequestTemplate } from './define-request-template';
import { readRequestsJson, toManifestRequests, toRequestsJson } from './requests-json';

const listCalls = defineRequestTemplate({
  name: 'listCalls',
  schema: {
    method: 'GET',
    host: 'api.aircall.io',
    path: '/v1/calls',
    query: { per_page: 50, order: 'desc' },
    headers: { 'X-B': 'b', Authorization: "Basic <%= encode(iparam.aircall_id + ':' + iparam.aircall_token) %>" },
  },
  options: { retryDelay: 500, maxAttempts: 3 },
});
const getContact = defineRequestTemplate({
  name: 'crm-getContact',
  schema: { method: 'GET', host: '<%= iparam.crm_domain %>', path: '/crm/sales/api/contacts/<%= context.id %>' },
});

describe('toRequestsJson', () => {
  it('writes the platform shape with every key sorted, whatever the definition order', () => {
    const json = toRequestsJson([listCalls, getContact]);
    expect(JSON.stringify(json, null, 2)).toBe(JSON.stringify(toRequestsJson([getContact, listCalls]), null, 2));
    expect(Object.keys(json)).toEqual(['crm-getContact', 'listCalls']);
    expect(json.listCalls).toEqual({
      options: { maxAttempts: 3, retryDelay: 500 },
      schema: {
        headers: { Authorization: "Basic <%= encode(iparam.aircall_id + ':' + iparam.aircall_token) %>", 'X-B': 'b' },
        host: 'api.aircall.io',
        method: 'GET',
        path: '/v1/calls',
        protocol: 'https',
        query: { order: 'desc', per_page: '50' },
      },
    });
    expect(Object.keys(json.listCalls?.schema ?? {})).toEqual(['headers', 'host', 'method', 'path', 'protocol', 'query']);
    expect(Object.keys(json.listCalls?.schema.query ?? {})).toEqual(['order', 'per_page']);
    expect(json['crm-getContact']).toEqual({
      schema: { host: '<%= iparam.crm_domain %>', method: 'GET', path: '/crm/sales/api/contacts/<%= context.id %>', protocol: 'https' },
    });
  });

  it('checks templates against the app-wide list of secure iparams', () => {
    const leaky = defineRequestTemplate({ name: 'leaky', schema: { method: 'GET', host: 'x.example.com', query: { t: '<%= iparam.aircall_token %>' } } });
    expect(() => toRequestsJson([listCalls, leaky], { secureIparams: ['aircall_token'] })).toThrow(
      'request template "leaky", schema.query.t: uses the secure iparam "aircall_token"',
    );
    expect(() => toRequestsJson([listCalls], { secureIparams: ['aircall_token'] })).not.toThrow();
  });

  it('refuses duplicates and more than 100 templates', () => {
    expect(() => toRequestsJson([listCalls, listCalls])).toThrow('request template "listCalls", name: is defined twice');
    const many = Array.from({ length: 101 }, (_, i) => defineRequestTemplate({ name: `t${i}`, schema: { method: 'GET', host: 'x.example.com' } }));
    expect(() => toRequestsJson(many)).toThrow('101 templates; the platform allows at most 100');
    expect(() => toManifestRequests(many)).toThrow('at most 100');
  });
});

describe('toManifestRequests', () => {
  it('lists each template once, sorted, with empty options', () => {
    expect(JSON.stringify(toManifestRequests([listCalls, getContact]))).toBe('{"crm-getContact":{},"listCalls":{}}');
  });
});

describe('readRequestsJson', () => {
  it('reads back what toRequestsJson wrote', () => {
    const declared = readRequestsJson(toRequestsJson([listCalls, getContact]));
    expect([...declared.keys()]).toEqual(['crm-getContact', 'listCalls']);
    expect(declared.get('listCalls')?.options).toEqual({ maxAttempts: 3, retryDelay: 500 });
    expect(declared.get('listCalls')?.compiled.query.map((q) => q.name)).toEqual(['order', 'per_page']);
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', [], /config\/requests.json: must be an object/],
    ['a bad name', { 'a.b': { schema: {} } }, /"a.b", name/],
    ['no schema', { a: {} }, /"a", schema: is missing/],
    ['bad options', { a: { schema: { method: 'GET', host: 'x.io' }, options: { maxAttempts: 9 } } }, /options.maxAttempts: 9/],
    ['a secure iparam in the path', { a: { schema: { method: 'GET', host: 'x.io', path: '/<%= iparam.s %>' } } }, /secure iparam "s"/],
    ['too many', Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`t${i}`, {}])), /at most 100/],
  ])('refuses %s', (_, json, message) => {
    expect(() => readRequestsJson(json, { secureIparams: ['s'] })).toThrow(message);
  });
});

import { describe, expect, it } from 'vitest';
import { renderFreeForm, supportsFreeForm } from './free-form';
import { RequestFailure } from './request-error';
import { retryOptions } from './retry-options';
import { substitute, type SubstitutionScope } from './substitute';
import { EMULATED_ACCESS_TOKEN, renderTemplate } from './template';
import { isWhitelisted } from './whitelist';

const scope: SubstitutionScope = { iparam: { domain: 'acme', key: 'sekret', user: 'ada', obj: { a: 1 }, n: 3 }, secure: new Set(['key']) };

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof RequestFailure) return error.body;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('substitute', () => {
  it('evaluates <%= %> as expressions over iparam, context, encode and access_token', () => {
    expect(substitute('https://<%= iparam.domain %>.example.com/<%= context.id %>', { ...scope, context: { id: 7 } }, 'url', 'url')).toBe('https://acme.example.com/7');
    expect(substitute("Basic <%= encode(iparam.user + ':' + iparam.key) %>", scope, 'header', 'h')).toBe(`Basic ${Buffer.from('ada:sekret').toString('base64')}`);
    expect(substitute('<%= iparam.obj %>|<%= iparam.n %>|<%= null %>|<%= true %>', scope, 'body', 'b')).toBe('{"a":1}|3||true');
    expect(substitute('Bearer <%= access_token %>', { ...scope, accessToken: 't' }, 'header', 'h')).toBe('Bearer t');
    expect(substitute('no markers', scope, 'url', 'u')).toBe('no markers');
  });

  it('refuses secure iparams outside headers, missing values and broken expressions', () => {
    expect(refusal(() => substitute('<%= iparam.key %>', scope, 'body', 'body'))).toMatchObject({ status: 400, errorSource: 'APP', response: expect.stringContaining('not in the body') as unknown });
    expect(refusal(() => substitute('<%= iparam.nope %>', scope, 'url', 'url'))).toMatchObject({ response: expect.stringContaining('iparam.nope') as unknown });
    expect(refusal(() => substitute('<%= context.id %>', scope, 'path', 'path'))).toMatchObject({ response: expect.stringContaining('context.id') as unknown });
    expect(refusal(() => substitute('<%= ) %>', scope, 'url', 'url'))).toMatchObject({ response: expect.stringContaining('Error while substituting the templates') as unknown });
  });
});

describe('isWhitelisted', () => {
  it('matches scheme and host, wildcard subdomains, ports and templated entries', () => {
    const entries = ['https://*.freshdesk.com', 'http://localhost:8080', 'api.example.com', 'https://<%= iparam.domain %>.example.org', 'https://<%= iparam.missing %>.example.net', '%%%'];
    expect(isWhitelisted(new URL('https://a.freshdesk.com/x'), entries, scope)).toBe(true);
    expect(isWhitelisted(new URL('http://a.freshdesk.com/x'), entries, scope)).toBe(false);
    expect(isWhitelisted(new URL('http://localhost:8080/x'), entries, scope)).toBe(true);
    expect(isWhitelisted(new URL('http://localhost:9090/x'), entries, scope)).toBe(false);
    expect(isWhitelisted(new URL('http://api.example.com/x'), entries, scope)).toBe(true);
    expect(isWhitelisted(new URL('https://acme.example.org'), entries, scope)).toBe(true);
    expect(isWhitelisted(new URL('https://x.example.net'), entries, scope)).toBe(false);
    expect(isWhitelisted(new URL('https://freshdesk.com'), entries, scope)).toBe(false);
  });
});

describe('renderFreeForm', () => {
  const whitelist = ['https://acme.example.com'];
  it('renders the URL, headers and a string or json body', () => {
    const { request, send } = renderFreeForm('post', 'https://<%= iparam.domain %>.example.com/x', { headers: { Authorization: 'Bearer <%= iparam.key %>' }, json: { who: '<%= iparam.user %>' }, maxAttempts: 2 }, scope, whitelist);
    expect(request).toMatchObject({ method: 'POST', headers: { Authorization: 'Bearer sekret', 'Content-Type': 'application/json' }, body: '{"who":"ada"}' });
    expect(send).toEqual({ maxAttempts: 2, retryDelayMs: 1000 });
    expect(renderFreeForm('get', 'https://acme.example.com/', null, scope, whitelist).request.body).toBeUndefined();
    expect(renderFreeForm('put', 'https://acme.example.com/', { body: 'plain', headers: null }, scope, whitelist).request.body).toBe('plain');
  });

  it('refuses what the platform refuses', () => {
    expect(refusal(() => renderFreeForm('get', '', {}, scope, whitelist))).toMatchObject({ status: 400 });
    expect(refusal(() => renderFreeForm('get', 'https://acme.example.com', 'opts', scope, whitelist))).toMatchObject({ response: 'The request options must be an object' });
    expect(refusal(() => renderFreeForm('get', 'not a url', {}, scope, whitelist))).toMatchObject({ response: 'Invalid URL: not a url' });
    expect(refusal(() => renderFreeForm('get', 'https://acme.example.com', { headers: 'x' }, scope, whitelist))).toMatchObject({ status: 400 });
    expect(refusal(() => renderFreeForm('post', 'https://acme.example.com', { body: { a: 1 } }, scope, whitelist))).toMatchObject({ response: expect.stringContaining('body must be a string') as unknown });
    expect(refusal(() => renderFreeForm('get', 'https://acme.example.com', { retryDelay: 2000 }, scope, whitelist))).toMatchObject({ status: 400 });
    expect(supportsFreeForm(null)).toBe(true);
    expect(supportsFreeForm('2.2')).toBe(true);
    expect(supportsFreeForm('3.0')).toBe(false);
    expect(retryOptions({ maxAttempts: 5, retryDelay: 0 })).toEqual({ maxAttempts: 5, retryDelayMs: 0 });
  });
});

describe('renderTemplate', () => {
  const templates = {
    ok: { schema: { method: 'post', host: '<%= iparam.domain %>.example.com', path: '/a/<%= context.id %>', headers: { Authorization: 'Bearer <%= iparam.key %>' }, query: { q: '<%= context.q %>' } }, options: { isOAuth: true } },
    plain: { schema: { method: 'GET', host: 'acme.example.com', protocol: 'http:' } },
    noHost: { schema: { method: 'GET', host: '' } },
    emptyHost: { schema: { method: 'GET', host: '<%= context.h %>' } },
    badMethod: { schema: { method: 'TRACE', host: 'a.example.com' } },
    badPath: { schema: { method: 'GET', host: 'a.example.com', path: 'x' } },
    badQuery: { schema: { method: 'GET', host: 'a.example.com', query: 'x' } },
    badUrl: { schema: { method: 'GET', host: 'a b', path: '/' } },
    oauth: { schema: { method: 'GET', host: 'a.example.com', headers: { Authorization: 'Bearer <%= access_token %>' } }, options: { isOAuth: true } },
  };
  const declared = Object.keys(templates);

  it('renders host, path, headers and query; the caller adds query and body', () => {
    const { request } = renderTemplate(templates, declared, 'ok', { context: { id: 5, q: 'z' }, query: { page: '2' }, body: '{"a":1}' }, scope);
    expect(request.method).toBe('POST');
    expect(request.url.toString()).toBe('https://acme.example.com/a/5?q=z&page=2');
    expect(request.headers).toEqual({ Authorization: 'Bearer sekret' });
    expect(request.body).toBe('{"a":1}');
    expect(renderTemplate(templates, declared, 'plain', undefined, scope).request.url.toString()).toBe('http://acme.example.com/');
    expect(renderTemplate(templates, declared, 'oauth', {}, scope).request.headers.Authorization).toBe(`Bearer ${EMULATED_ACCESS_TOKEN}`);
  });

  it('refuses broken templates and caller options', () => {
    expect(refusal(() => renderTemplate(templates, declared, 7, {}, scope))).toMatchObject({ response: 'Request template not found' });
    expect(refusal(() => renderTemplate(templates, declared, 'noHost', {}, scope))).toMatchObject({ errors: [{ message: 'must not be empty', instancePath: '/schema/host' }] });
    expect(refusal(() => renderTemplate(templates, declared, 'emptyHost', { context: { h: ' ' } }, scope))).toMatchObject({ errors: [{ message: 'must not be empty' }] });
    expect(refusal(() => renderTemplate(templates, declared, 'badMethod', {}, scope))).toMatchObject({ errors: [{ instancePath: '/schema/method' }] });
    expect(refusal(() => renderTemplate(templates, declared, 'badPath', {}, scope))).toMatchObject({ errors: [{ instancePath: '/schema/path' }] });
    expect(refusal(() => renderTemplate(templates, declared, 'badQuery', {}, scope))).toMatchObject({ response: expect.stringContaining('query must be an object') as unknown });
    expect(refusal(() => renderTemplate(templates, declared, 'badUrl', {}, scope))).toMatchObject({ errors: [{ instancePath: '/schema/host' }] });
    expect(refusal(() => renderTemplate(templates, declared, 'plain', 'x', scope))).toMatchObject({ response: 'invokeTemplate options must be an object' });
    expect(refusal(() => renderTemplate(templates, declared, 'plain', { context: 'x' }, scope))).toMatchObject({ response: 'context must be an object' });
    expect(refusal(() => renderTemplate(templates, declared, 'plain', { body: {} }, scope))).toMatchObject({ response: expect.stringContaining('body must be a string') as unknown });
    expect(refusal(() => renderTemplate(templates, declared, 'plain', { query: { q: '<%= iparam.key %>' } }, scope))).toMatchObject({ response: expect.stringContaining('substitution markers') as unknown });
  });
});

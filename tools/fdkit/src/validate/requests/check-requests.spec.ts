import { afterAll, describe, expect, it } from 'vitest';
import { brief, removeApps, validateFixture } from '../../testing';

afterAll(removeApps);

const template = (schema: Record<string, unknown>, options?: Record<string, unknown>) => ({
  schema: { method: 'GET', host: 'api.example.com', path: '/v1', ...schema },
  ...(options ? { options } : {}),
});

describe('requests.json and the manifest', () => {
  it('passes when both name the same templates and callers use declared ones', async () => {
    expect((await validateFixture('templates-2.3')).errors).toEqual([]);
  });

  it('reports a template declared in the manifest but not defined, and the reverse', async () => {
    const report = await validateFixture('templates-2.3', {
      set: { 'manifest.json': { 'product.freshsales.requests.createLog': {} }, 'config/requests.json': { orphan: template({}) } },
    });
    expect(report.errors.map((e) => `${e.file} ${e.location}: ${e.message}`)).toEqual([
      "manifest.json product.freshsales.requests.createLog: Request template 'createLog' is declared in manifest.json but not defined in config/requests.json",
      'config/requests.json orphan: Request template \'orphan\' is not defined in manifest; add "orphan": {} under product.<name>.requests',
    ]);
  });

  it('reports declared templates when requests.json is missing', async () => {
    const report = await validateFixture('templates-2.3', { files: { 'config/requests.json': null } });
    expect(brief(report.errors)).toEqual(['requests-manifest manifest.json product.freshsales.requests.getContact', 'requests-manifest manifest.json product.freshsales.requests.validateKey']);
  });

  it('reports a caller of a template nobody declared', async () => {
    const report = await validateFixture('templates-2.3', {
      files: { 'app/extra.js': "window.go = function (client) { return client.request.invokeTemplate('deleteContact', {}); };" },
    });
    expect(report.errors).toEqual([expect.objectContaining({ rule: 'requests-manifest', file: 'app/extra.js', location: '1:40', message: expect.stringMatching(/^Request template 'deleteContact' is not defined in manifest/) as string })]);
  });

  it('checks callers on the installation page too', async () => {
    const report = await validateFixture('templates-2.3', { files: { 'config/assets/iparams.js': "function checkDomain(v) { return client.request.invokeTemplate('nope', {}).then(function () { return v; }, function () { return 'bad'; }); }" } });
    expect(brief(report.errors)).toEqual(['requests-manifest config/assets/iparams.js 1:34']);
  });

  it('rejects free-form requests on 2.3', async () => {
    const report = await validateFixture('templates-2.3', {
      files: { 'app/extra.js': "window.go = function (client) { return client.request.get('https://xkcd.com/info.0.json'); };" },
    });
    expect(report.errors).toEqual([expect.objectContaining({ rule: 'request-free-form', message: expect.stringMatching(/^get is no longer supported in Request API on platform 2\.3/) as string })]);
  });

  it('keeps free-form requests legal before 2.3, and templates out', async () => {
    const legacy = await validateFixture('samples/airtable-sync', { files: { 'config/requests.json': '{}' } });
    expect(legacy.errors).toEqual([]);
    expect(brief(legacy.warnings)).toEqual(['requests-version config/requests.json']);
    const early = await validateFixture('omni-2.1', { files: { 'app/extra.js': "window.go = function (c) { return c.request.invokeTemplate('x', {}); };" } });
    expect(brief(early.errors)).toEqual(['requests-version app/extra.js 1:35']);
  });
});

describe('request template schema', () => {
  const check = (templates: Record<string, unknown>) =>
    validateFixture('templates-2.3', {
      files: { 'config/requests.json': JSON.stringify({ getContact: template({}), validateKey: template({}), ...templates }) },
      set: { 'manifest.json': Object.fromEntries(Object.keys(templates).map((name) => [`product.freshsales.requests.${name}`, {}])) },
    });

  it('requires method and host, and checks their values', async () => {
    const report = await check({ a: { schema: { path: '/x' } }, b: template({ method: 'FETCH' }), c: template({ protocol: 'ftp' }) });
    expect(brief(report.errors)).toEqual(['requests-schema config/requests.json a.schema.method', 'requests-schema config/requests.json a.schema.host', 'requests-schema config/requests.json b.schema.method', 'requests-schema config/requests.json c.schema.protocol']);
  });

  it('wants a bare host and a path starting with /', async () => {
    const report = await check({ a: template({ host: 'https://api.example.com' }), b: template({ host: 'api.example.com/v2' }), c: template({ path: 'v1/calls' }), d: template({ host: '<%= context.host %>', path: '<%= context.path %>' }) });
    expect(report.errors.map((e) => e.location)).toEqual(['a.schema.host', 'b.schema.host', 'c.schema.path']);
    expect(report.errors[2]?.message).toBe("Request template 'c' schema/path must start with '/'");
  });

  it('wants string maps for headers and query, and sane options', async () => {
    const report = await check({ a: template({ query: 'x=1', headers: { n: 1 } }, { maxAttempts: 9, retryDelay: -1 }) });
    expect(report.errors.map((e) => e.location)).toEqual(['a.schema.headers.n', 'a.schema.query', 'a.options.maxAttempts', 'a.options.retryDelay']);
  });

  it('checks substitutions', async () => {
    const report = await check({ a: template({ path: '/x/<%= context.id', headers: { X: '<%= secrets.key %>' } }) });
    expect(brief(report.errors)).toEqual(['requests-schema config/requests.json a.schema.path']);
    expect(brief(report.warnings)).toEqual(['requests-schema config/requests.json a.schema.headers.X']);
  });

  it('keeps secure iparams in headers', async () => {
    const report = await check({ a: template({ path: '/x', query: { key: '<%= iparam.api_key %>', domain: '<%= iparam.domain %>' } }) });
    expect(report.errors).toEqual([expect.objectContaining({ location: 'a.schema.query.key', message: expect.stringContaining('secure iparam "api_key" outside headers') as string })]);
  });

  it('wants OAuth for access_token, and oauth_config.json for OAuth', async () => {
    const report = await check({ a: template({ headers: { Authorization: 'Bearer <%= access_token %>' } }), b: template({}, { isOAuth: true }), c: template({}, { oauth: 'asana' }) });
    expect(brief(report.errors)).toEqual(['requests-schema config/requests.json a.schema.headers.Authorization', 'oauth-schema config/requests.json b.options.isOAuth', 'requests-schema config/requests.json c.options.oauth']);
  });

  it('warns about unknown keys and refuses more than 100 templates', async () => {
    const unknown = await check({ a: { ...template({ timeout: 5 }, { cache: true }), note: 'x' } });
    expect(brief(unknown.warnings)).toEqual(['requests-schema config/requests.json a.note', 'requests-schema config/requests.json a.schema.timeout', 'requests-schema config/requests.json a.options.cache']);
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`t${i}`, template({})]));
    expect((await check(many)).errors.map((e) => e.message)).toEqual([expect.stringContaining('defines 102 templates; the platform allows at most 100')]);
  });

  it('reports requests.json that is not an object of templates', async () => {
    const report = await validateFixture('templates-2.3', { files: { 'config/requests.json': '[]' } });
    expect(brief(report.errors)).toEqual(['requests-schema config/requests.json']);
  });
});

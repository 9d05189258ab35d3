import { afterAll, describe, expect, it } from 'vitest';
import { brief, removeApps, validateFixture } from '../../testing';

afterAll(removeApps);

const PAGE = `<html><head><script src="{{{appclient}}}"></script><script src="./assets/page.js"></script></head>
<body><script>
  function getConfigs(configs) { document.querySelector('input').value = configs.domain; }
  var postConfigs = function () { return { domain: document.querySelector('input').value, __meta: { secure: [] } }; };
</script></body></html>`;

describe('which installation page', () => {
  it('refuses iparams.json and iparams.html together', async () => {
    const report = await validateFixture('omni-2.1', { files: { 'config/iparams.html': PAGE, 'config/assets/page.js': 'function validate() { return true; }' } });
    expect(report.errors).toEqual([expect.objectContaining({ rule: 'iparams-files', message: expect.stringMatching(/^Unsupported File\(s\)\. Specify either config\/iparams\.html or config\/iparams\.json/) as string })]);
  });

  it('needs one of them', async () => {
    const report = await validateFixture('omni-2.1', { files: { 'config/iparams.json': null } });
    expect(report.errors).toEqual([expect.objectContaining({ rule: 'iparams-files', message: expect.stringMatching(/^iparams\.json is mandatory/) as string })]);
  });

  it('accepts an empty iparams.json', async () => {
    expect((await validateFixture('omni-2.1', { files: { 'config/iparams.json': '{}' } })).errors).toEqual([]);
  });

  it('reports iparams.json that is not JSON, with line and column', async () => {
    const report = await validateFixture('omni-2.1', { files: { 'config/iparams.json': '{\n  "a": {\n    "type": "text",\n  }\n}' } });
    expect(report.errors).toEqual([{ rule: 'json-syntax', file: 'config/iparams.json', location: '4:3', message: 'invalid JSON: trailing comma before "}" is not allowed in JSON' }]);
  });
});

describe('iparams.json fields', () => {
  const field = (definition: unknown) => validateFixture('omni-2.1', { set: { 'config/iparams.json': { probe: definition } } });

  it('needs display_name and type, with known types', async () => {
    const report = await field({ description: 'x' });
    expect(brief(report.errors)).toEqual(['iparams-schema config/iparams.json probe.display_name', 'iparams-schema config/iparams.json probe.type']);
    const badType = await field({ display_name: 'Probe', type: 'password' });
    expect(badType.errors[0]?.message).toMatch(/^"type" must be one of "text", "paragraph", .*; found "password"$/);
  });

  it('checks attribute types', async () => {
    const report = await field({ display_name: 'Probe', type: 'text', required: 'yes', secure: 1, visible: null, regex: [] });
    expect(brief(report.errors)).toEqual(['probe.required', 'probe.visible', 'probe.secure', 'probe.regex'].map((at) => `iparams-schema config/iparams.json ${at}`));
  });

  it('wants options exactly where there is a choice', async () => {
    expect(brief((await field({ display_name: 'P', type: 'dropdown' })).errors)).toEqual(['iparams-schema config/iparams.json probe.type']);
    expect((await field({ display_name: 'P', type: 'text', options: ['a'] })).errors[0]?.message).toMatch(/^Options must not be specified for text type/);
    expect(brief((await field({ display_name: 'P', type: 'radio', options: ['a', 'a'] })).errors)).toEqual(['iparams-schema config/iparams.json probe.options']);
    expect((await field({ display_name: 'P', type: 'radio', options: ['a', 'b'], default_value: 'b' })).errors).toEqual([]);
  });

  it.each([
    [{ type: 'dropdown', options: ['a', 'b'], default_value: 'c' }, 'is not among its options'],
    [{ type: 'multiselect', options: ['a', 'b'], default_value: ['a', 'z'] }, '"z" of \'probe\' is not among its options'],
    [{ type: 'checkbox', default_value: 'true' }, "Specify either true or false for the default_value key in the 'probe' field."],
    [{ type: 'number', default_value: 'ten' }, 'must be a number'],
    [{ type: 'text', default_value: 3 }, 'must be a string'],
  ])('rejects a default_value that does not fit: %j', async (definition, message) => {
    const report = await field({ display_name: 'P', ...definition });
    expect(report.errors).toEqual([expect.objectContaining({ location: 'probe.default_value', message: expect.stringContaining(message) as string })]);
  });

  it('accepts defaults that fit', async () => {
    for (const definition of [{ type: 'number', default_value: 10 }, { type: 'number', default_value: '10' }, { type: 'multiselect', options: ['a'], default_value: 'a' }, { type: 'checkbox', default_value: false }]) {
      expect((await field({ display_name: 'P', ...definition })).errors, JSON.stringify(definition)).toEqual([]);
    }
  });

  it('pairs each regex with its error message and compiles it', async () => {
    const report = await field({ display_name: 'P', type: 'text', regex: { digits: '^[0-9]+$', broken: '([a-z', 'broken-error': 'x', 'orphan-error': 'y' } });
    expect(report.errors.map((e) => `${e.location}: ${e.message}`)).toEqual([
      'probe.regex.digits: regex "digits" of \'probe\' has no error message; add "digits-error": "<what the person should type>"',
      expect.stringMatching(/^probe\.regex\.broken: regex "broken" of 'probe' is not a valid regular expression/),
      'probe.regex.orphan-error: "orphan-error" is an error message without its regex; add "orphan": "<pattern>"',
    ]);
  });

  it('allows data-bind only on text and only to the product domain or key', async () => {
    expect(brief((await field({ display_name: 'P', type: 'paragraph', 'data-bind': 'product.domain' })).errors)).toEqual(['iparams-schema config/iparams.json probe.data-bind']);
    expect(brief((await field({ display_name: 'P', type: 'text', 'data-bind': 'product.name' })).errors)).toEqual(['iparams-schema config/iparams.json probe.data-bind']);
  });

  it('rejects domain and api_key types for Freshworks CRM, and accepts them for Freshsales alone', async () => {
    const omni = await field({ display_name: 'Domain', type: 'domain', type_attributes: { product: 'freshsales' } });
    expect(omni.errors[0]?.message).toContain('the domain type is not supported for Freshworks CRM');
    const classic = await validateFixture('templates-2.3', { set: { 'config/iparams.json': { domain: { display_name: 'Domain', type: 'domain', type_attributes: { product: 'current' } } } } });
    expect(classic.errors).toEqual([]);
  });

  it('warns about type_attributes where they do nothing, and unknown attributes', async () => {
    const report = await field({ display_name: 'P', type: 'text', type_attributes: { product: 'current' }, placeholder: 'x' });
    expect(brief(report.warnings)).toEqual(['iparams-schema config/iparams.json probe.placeholder', 'iparams-schema config/iparams.json probe.type_attributes']);
  });

  it('rejects empty keys and fields that are not objects', async () => {
    const report = await validateFixture('omni-2.1', { files: { 'config/iparams.json': '{"": {"display_name": "x", "type": "text"}, "b": 5}' } });
    expect(report.errors.map((e) => e.message)).toEqual(['The iparam key should be a non-empty string.', 'iparam "b" must be an object with at least display_name and type, found 5']);
    const list = await validateFixture('omni-2.1', { files: { 'config/iparams.json': '[]' } });
    expect(brief(list.errors)).toEqual(['iparams-schema config/iparams.json']);
  });
});

describe('secure iparams', () => {
  it('warns when a secret-looking name is not secure', async () => {
    const report = await validateFixture('omni-2.1', {
      set: { 'config/iparams.json': { 'crm_api_key.secure': false, apiToken: { display_name: 'Token', type: 'paragraph' }, key: { display_name: 'Key', type: 'api_key' } } },
    });
    expect(brief(report.warnings)).toEqual(['iparams-secure config/iparams.json crm_api_key', 'iparams-secure config/iparams.json apiToken', 'iparams-secure config/iparams.json key']);
    expect(report.warnings[0]?.message).toMatch(/^iparam 'crm_api_key' appears to be a secure param but it isn't marked as secure/);
  });

  it('leaves choices and secure fields alone', async () => {
    const report = await validateFixture('omni-2.1', { set: { 'config/iparams.json': { auth_mode: { display_name: 'Auth mode', type: 'dropdown', options: ['basic', 'token'] } } } });
    expect(report.warnings).toEqual([]);
  });
});

describe('change callbacks', () => {
  it('passes when config/assets/iparams.js defines the callback', async () => {
    expect((await validateFixture('templates-2.3')).errors).toEqual([]);
  });

  it('reports a callback the script does not define, or a script that does not exist', async () => {
    const renamed = await validateFixture('templates-2.3', { set: { 'config/iparams.json': { 'domain.events': [{ change: 'APIKeyChange' }] } } });
    expect(renamed.errors).toEqual([expect.objectContaining({ rule: 'iparams-schema', location: 'domain.events[0].change', message: expect.stringMatching(/^The APIKeyChange function does not exist for the 'domain' field/) as string })]);
    const noScript = await validateFixture('templates-2.3', { files: { 'config/assets/iparams.js': null } });
    expect(noScript.errors[0]?.message).toContain('create config/assets/iparams.js');
  });

  it('supports only change events', async () => {
    const report = await validateFixture('templates-2.3', { set: { 'config/iparams.json': { 'domain.events': [{ change: 'checkDomain', blur: 'checkDomain' }] } } });
    expect(report.errors).toEqual([expect.objectContaining({ location: 'domain.events[0].blur', message: "The blur event is not supported in the 'domain' field; only \"change\" is" })]);
  });

  it('reports a script that does not parse, or cannot be read, once', async () => {
    const broken = await validateFixture('templates-2.3', { files: { 'config/assets/iparams.js': 'function checkDomain( {' } });
    expect(brief(broken.errors)).toEqual(['js-syntax config/assets/iparams.js 1:24']);
    const binary = await validateFixture('templates-2.3', { files: { 'config/assets/iparams.js': new Uint8Array([0, 0, 0]) } });
    expect(brief(binary.errors)).toEqual(['file-unreadable config/assets/iparams.js']);
  });
});

describe('iparams.html', () => {
  const htmlApp = (page: string, extra: Record<string, string | null> = {}) =>
    validateFixture('omni-2.1', { files: { 'config/iparams.json': null, 'config/iparams.html': page, 'config/assets/page.js': 'function validate() { return true; }', ...extra } });

  it('passes a page defining getConfigs, postConfigs and validate (in any of its scripts)', async () => {
    const report = await htmlApp(PAGE);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  it('reports the functions it lacks', async () => {
    const report = await htmlApp('<script src="https://static.freshdev.io/fdk/2.0/assets/fresh_client.js"></script><script>function getConfigs() {}</script>');
    expect(report.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^iparams\.html does not define a global function postConfigs\(\)/)]);
    expect(brief(report.warnings)).toEqual(['iparams-html config/iparams.html']);
  });

  it('reports a missing local script, a script that does not parse and a page without the client', async () => {
    const report = await htmlApp('<script src="assets/gone.js"></script>\n<script type="text/template"><b>{{x}}</b></script>\n<script>\nfunction getConfigs() {\n  return (;\n}\n</script>', { 'config/assets/page.js': null });
    expect(brief(report.errors)).toEqual(['page-script config/iparams.html', 'js-syntax config/iparams.html 5:11', 'iparams-html config/iparams.html', 'iparams-html config/iparams.html']);
    expect(brief(report.warnings)).toEqual(['iparams-html config/iparams.html', 'template-client config/iparams.html']);
  });

  it('reports a local script that does not parse, and an unreadable page', async () => {
    const broken = await htmlApp(PAGE, { 'config/assets/page.js': 'function validate( {' });
    expect(brief(broken.errors)).toEqual(['js-syntax config/assets/page.js 1:21']);
    const binary = await validateFixture('omni-2.1', { files: { 'config/iparams.json': null, 'config/iparams.html': '\u0000' } });
    expect(brief(binary.errors)).toEqual(['file-unreadable config/iparams.html']);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { brief, removeApps, validateFixture } from '../../testing';

afterAll(removeApps);

describe('event handlers', () => {
  it('passes when every handler is exported', async () => {
    expect((await validateFixture('omni-2.1')).errors).toEqual([]);
  });

  it('reports a handler server.js does not export, suggesting a near name', async () => {
    const report = await validateFixture('samples/event-routing-omni', { files: { 'config/iparams.json': '{}' } });
    expect(report.errors).toEqual([
      {
        rule: 'event-handler',
        file: 'manifest.json',
        location: 'product.freshsales.events.onDealCreate.handler',
        message: 'handler "coomonOnDealCreateHandler" for onDealCreate is not exported by server/server.js; did you mean "commonOnDealCreateHandler"?',
      },
    ]);
  });

  it('lists what is exported when no name is near', async () => {
    const report = await validateFixture('omni-2.1', { set: { 'manifest.json': { 'product.freshworks_crm.events.onAppInstall.handler': 'install' } } });
    expect(report.errors[0]?.message).toBe('handler "install" for onAppInstall is not exported by server/server.js (exported: onAppInstallHandler, onRecordCreateHandler, listCalls)');
  });

  it('finds handlers that only loading reveals (a bundle that copies module.exports)', async () => {
    const bundle = `"use strict";
var handlers = {};
["onAppInstallHandler", "onRecordCreateHandler", "listCalls"].forEach(function (name) { handlers[name] = function () { renderData(); }; });
module.exports = handlers;
exports = module.exports;`;
    expect((await validateFixture('omni-2.1', { files: { 'server/server.js': bundle } })).errors).toEqual([]);
  });

  it('warns when server.js sets module.exports only', async () => {
    const report = await validateFixture('omni-2.1', {
      files: { 'server/server.js': 'module.exports = { onAppInstallHandler: function () { renderData(); }, onRecordCreateHandler: function () { renderData(); }, listCalls: function () { renderData(); } };' },
    });
    expect(report.errors).toEqual([]);
    expect(brief(report.warnings)).toEqual(['server-exports server/server.js']);
  });

  it('reports server.js missing when the manifest needs it', async () => {
    const report = await validateFixture('omni-2.1', { files: { 'server/server.js': null } });
    expect(report.errors).toEqual([expect.objectContaining({ rule: 'server-missing', location: 'product.freshworks_crm.events.onAppInstall', message: expect.stringContaining('declares 4 event handler(s)') as string })]);
    const noEvents = await validateFixture('modules-3.0', { files: { 'server/server.js': null }, set: { 'manifest.json': { 'modules.common.events': undefined } } });
    expect(noEvents.errors[0]?.message).toContain('declares 1 function(s)');
  });

  it('reports server.js that throws or hangs while loading, and falls back to reading it', async () => {
    const throws = await validateFixture('omni-2.1', {
      files: { 'server/server.js': 'exports = { onAppInstallHandler: function () { renderData(); }, onRecordCreateHandler: function () { renderData(); } };\nmissingHelper();' },
    });
    // Read from the source instead, the exports lack listCalls, which the front end invokes.
    expect(brief(throws.errors)).toEqual(['server-load server/server.js', 'smi-function app/scripts/app.js 12:3']);
    expect(throws.errors[0]?.message).toMatch(/^server\.js could not be loaded as the platform loads it: ReferenceError: missingHelper is not defined/);
    const hangs = await validateFixture('omni-2.1', { files: { 'server/server.js': 'while (Date.now() > 0) { renderData(); }\nexports = { onAppInstallHandler: function () { return 1; } };' } }, { serverLoadTimeoutMs: 100 });
    expect(brief(hangs.errors)).toEqual([
      'server-load server/server.js',
      'event-handler manifest.json product.freshworks_crm.events.onContactCreate.handler',
      'event-handler manifest.json product.freshsales.events.onContactCreate.handler',
      'event-handler manifest.json product.freshsales.events.onLeadCreate.handler',
      'smi-function app/scripts/app.js 12:3',
    ]);
    expect(hangs.errors[0]?.message).toContain('longer than 100 ms');
  });

  it('reports a syntax error once, with its line', async () => {
    const report = await validateFixture('omni-2.1', { files: { 'server/server.js': 'exports = {\n  onAppInstallHandler: function () {\n};' } });
    expect(brief(report.errors)).toEqual(['js-syntax server/server.js 3:2']);
  });
});

describe('2.0 event registrations', () => {
  it('passes the 2.0 sample', async () => {
    expect((await validateFixture('samples/airtable-sync')).errors).toEqual([]);
  });

  it('checks registered event names and callbacks', async () => {
    const source = `exports = {
  events: [
    { event: 'onTicketCreate', callback: 'onLead' },
    { event: 'onLeadCreate', callback: 'onLeadCreated' }
  ],
  onLead: function () { renderData(); }
};`;
    const report = await validateFixture('samples/airtable-sync', { files: { 'server/server.js': source } });
    expect(report.errors.map((e) => `${e.rule} ${e.file} ${e.location} ${e.message}`)).toEqual([
      expect.stringMatching(/^event-name server\/server\.js 3:5 "onTicketCreate" is not a Freshsales Classic event/),
      'event-handler server/server.js 4:5 callback "onLeadCreated" registered for onLeadCreate is not an exported function (exported: onLead)',
    ]);
  });
});

describe('server methods (SMI)', () => {
  it('passes declared, exported and invoked functions on 2.2', async () => {
    expect((await validateFixture('smi-2.2')).errors).toEqual([]);
  });

  it('reports a declared function that is not exported', async () => {
    const report = await validateFixture('smi-2.2', { set: { 'manifest.json': { 'product.freshworks_crm.functions.dial': {} } } });
    expect(report.errors).toEqual([expect.objectContaining({ rule: 'smi-function', location: 'product.freshworks_crm.functions.dial' })]);
  });

  it('reports an exported function nobody declared on 2.2 and later', async () => {
    const report = await validateFixture('smi-2.2', { set: { 'manifest.json': { 'product.freshworks_crm.functions.logCall': undefined } } });
    expect(brief(report.errors)).toEqual(['smi-function server/server.js', 'smi-function app/deal.js 5:16']);
    expect(report.errors[0]?.message).toMatch(/^exported function "logCall" is neither an event handler nor declared under product\.<name>\.functions/);
  });

  it('only warns about undeclared exports on 3.x, where actions and jobs export handlers too', async () => {
    const report = await validateFixture('modules-3.0', { files: { 'server/server.js': 'exports = { onAppInstallHandler: function () { renderData(); }, ping: function () { renderData(); }, createTicketAction: function () { renderData(); } };' } });
    expect(report.errors).toEqual([]);
    expect(brief(report.warnings)).toEqual(['platform-version manifest.json platform-version', 'smi-function server/server.js']);
  });

  it('needs no declarations before 2.2, but the function must exist', async () => {
    expect((await validateFixture('omni-2.1')).errors).toEqual([]);
    const report = await validateFixture('omni-2.1', { files: { 'app/scripts/more.js': "window.more = function (client) { return client.request.invoke('findByPhone', {}); };" } });
    expect(report.errors).toEqual([expect.objectContaining({ rule: 'smi-function', file: 'app/scripts/more.js', message: expect.stringContaining('export it from server/server.js') as string })]);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { brief, removeApps, validateFixture } from '../testing';

afterAll(removeApps);

describe('npm dependencies and requires', () => {
  it('passes declared dependencies that server code requires, and local helpers', async () => {
    expect((await validateFixture('smi-2.2')).errors).toEqual([]);
  });

  it('reports a declared dependency no server code requires (no-dependency-mismatch)', async () => {
    const report = await validateFixture('smi-2.2', { set: { 'manifest.json': { 'dependencies.nodemon': '3.1.0' } } });
    expect(report.errors).toEqual([{ rule: 'no-dependency-mismatch', file: 'manifest.json', location: 'dependencies.nodemon', message: 'dependency "nodemon" is declared in manifest.json but no server code requires it; remove it or use it' }]);
  });

  it('reports a required package the manifest does not declare, scoped ones included', async () => {
    const report = await validateFixture('smi-2.2', { files: { 'server/lib/extra.js': "var a = require('axios');\nvar b = require('@sentry/node/cjs');\nexports.c = [a, b];" } });
    expect(report.errors.map((e) => `${e.rule} ${e.location} ${e.message}`)).toEqual([
      'dependency-undeclared 1:9 require("axios") needs npm package "axios", which manifest.json does not declare; add "dependencies": {"axios": "<exact version>"}',
      'dependency-undeclared 2:9 require("@sentry/node/cjs") needs npm package "@sentry/node", which manifest.json does not declare; add "dependencies": {"@sentry/node": "<exact version>"}',
    ]);
  });

  it('reports local requires that lead nowhere or out of server/, and warns about built-ins', async () => {
    const report = await validateFixture('smi-2.2', {
      files: { 'server/lib/extra.js': "require('./missing');\nrequire('../../app/deal');\nrequire('/etc/passwd');\nrequire('crypto');\nrequire('./phone.js');" },
    });
    expect(brief(report.errors)).toEqual(['server-require server/lib/extra.js 1:1', 'server-require server/lib/extra.js 2:1', 'server-require server/lib/extra.js 3:1']);
    expect(brief(report.warnings)).toEqual(['server-require server/lib/extra.js 4:1']);
  });

  it('does not read test data or front-end code as server code', async () => {
    const report = await validateFixture('smi-2.2', { files: { 'server/test_data/helper.js': "require('left-pad');", 'app/uses.js': "window.x = require('left-pad');" } });
    expect(report.errors).toEqual([]);
  });
});

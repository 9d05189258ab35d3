import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brief } from '../src/testing';
import { exitCodeOf, validateApp } from '../src/validate';

const sample = (name: string) => validateApp(resolve(import.meta.dirname, 'fixtures/samples', name));

/**
 * Small apps modelled on public sample apps (docs/research/sample-apps.md), with the verdict the real
 * platform gives them: the same errors fdk validate would stop on, and no others.
 */
describe('sample apps, as the platform judges them', () => {
  it('cti-tutorial (2.1 CTI app): refused for the icon it names but does not ship', async () => {
    const report = await sample('cti-tutorial');
    expect(exitCodeOf(report)).toBe(1);
    expect(brief(report.errors)).toEqual(['location-icon manifest.json product.freshworks_crm.location.left_nav_cti.icon']);
    // A request chain without a rejection handler, and a start-up failure that is only logged.
    expect(brief(report.warnings)).toEqual(['no-unhandled-promise app/scripts/app.js 10:3', 'no-logging-rejections app/scripts/app.js 32:6']);
  });

  it('event-routing-omni (2.1 serverless omni app): refused for a misspelt handler and no config/', async () => {
    const report = await sample('event-routing-omni');
    expect(exitCodeOf(report)).toBe(1);
    expect(brief(report.errors)).toEqual(['iparams-files config', 'event-handler manifest.json product.freshsales.events.onDealCreate.handler']);
    expect(report.errors[1]?.message).toContain('did you mean "commonOnDealCreateHandler"?');
    expect(report.warnings).toEqual([]);
  });

  it('airtable-sync (2.0 serverless app with exports.events and .fail chains): accepted', async () => {
    const report = await sample('airtable-sync');
    expect(report).toEqual({ ok: true, platformVersion: '2.0', products: ['freshsales'], errors: [], warnings: [] });
  });
});

import { describe, expect, it } from 'vitest';
import type { ValidationReport } from './finding';
import { formatFindings, formatJsonReport, formatSummary } from './format-report';

const report: ValidationReport = {
  ok: false,
  platformVersion: '2.1',
  products: ['freshworks_crm', 'freshsales'],
  errors: [{ rule: 'placeholder', file: 'manifest.json', location: 'product.freshsales.location.foo', message: '"foo" is not a Freshsales Classic placeholder' }],
  warnings: [{ rule: 'template-client', file: 'app/index.html', location: '', message: 'no client' }],
};

describe('human output', () => {
  it('prints one line per finding, errors first, then a summary', () => {
    expect(formatFindings(report)).toBe(
      'error    manifest.json  product.freshsales.location.foo  "foo" is not a Freshsales Classic placeholder  (placeholder)\n' +
        'warning  app/index.html  -  no client  (template-client)\n',
    );
    expect(formatSummary(report, 'dist/fdk')).toBe('dist/fdk: invalid, 1 error, 1 warning (platform 2.1: freshworks_crm, freshsales)\n');
  });

  it('prints nothing for no findings and says what it can in the summary', () => {
    const clean: ValidationReport = { ok: true, platformVersion: null, products: [], errors: [], warnings: [] };
    expect(formatFindings(clean)).toBe('');
    expect(formatSummary(clean, '.')).toBe('.: valid, 0 errors, 0 warnings\n');
    expect(formatSummary({ ...clean, platformVersion: '2.3' }, '.')).toBe('.: valid, 0 errors, 0 warnings (platform 2.3)\n');
  });
});

describe('--json output', () => {
  it('prints exactly the report fields, as one object', () => {
    const extra = { ...report, internal: true } as ValidationReport;
    expect(JSON.parse(formatJsonReport(extra))).toEqual(report);
  });
});

import type { Finding, ValidationReport } from './finding';

/** `--json`: exactly the report's fields, one object. */
export function formatJsonReport(report: ValidationReport): string {
  const { ok, platformVersion, products, errors, warnings } = report;
  return `${JSON.stringify({ ok, platformVersion, products, errors, warnings }, null, 2)}\n`;
}

/** One line per finding, `error  manifest.json  product.x.location.y  message  (rule)`, then a summary line. */
export function formatFindings(report: ValidationReport): string {
  const lines = [...report.errors.map((f) => line('error', f)), ...report.warnings.map((f) => line('warning', f))];
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export function formatSummary(report: ValidationReport, dir: string): string {
  const counts = `${plural(report.errors.length, 'error')}, ${plural(report.warnings.length, 'warning')}`;
  const about = report.platformVersion ? ` (platform ${report.platformVersion}${report.products.length ? `: ${report.products.join(', ')}` : ''})` : '';
  const verdict = report.ok ? 'valid' : 'invalid';
  return `${dir}: ${verdict}, ${counts}${about}\n`;
}

function line(severity: 'error' | 'warning', finding: Finding): string {
  return [severity.padEnd(7), finding.file, finding.location || '-', finding.message, `(${finding.rule})`].join('  ');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One problem found in an app folder: which check, where, and what to do about it. */
export interface Finding {
  /** The check that found it, in the platform's words where fdk has one (`no-eval`, `location-icon`). */
  rule: string;
  /** Path relative to the app folder, with forward slashes (`manifest.json`, `server/server.js`). */
  file: string;
  /** A JSON path (`product.freshsales.location.foo`), a `line:column`, or `` for the whole file. */
  location: string;
  message: string;
}

export type Severity = 'error' | 'warning';

/** What `fdkit validate --json` prints and what `validateApp` resolves. */
export interface ValidationReport {
  ok: boolean;
  platformVersion: string | null;
  products: string[];
  errors: Finding[];
  warnings: Finding[];
}

/** Collects findings while the checks run; the checks never throw for bad input, they report. */
export class FindingSink {
  readonly errors: Finding[] = [];
  readonly warnings: Finding[] = [];

  error(rule: string, file: string, location: string, message: string): void {
    this.errors.push({ rule, file, location, message });
  }

  warn(rule: string, file: string, location: string, message: string): void {
    this.warnings.push({ rule, file, location, message });
  }

  add(severity: Severity, finding: Finding): void {
    (severity === 'error' ? this.errors : this.warnings).push(finding);
  }
}

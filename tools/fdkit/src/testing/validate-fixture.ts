import type { ValidateOptions } from '../validate/context';
import type { Finding, ValidationReport } from '../validate/finding';
import { validateApp } from '../validate/validate-app';
import { type AppChange, makeApp } from './app-fixture';

/** Validates a copy of a fixture app with one change applied. */
export async function validateFixture(base: string, change: AppChange = {}, options: ValidateOptions = {}): Promise<ValidationReport> {
  return validateApp(await makeApp(base, change), options);
}

/** `rule file location` of each finding, compact enough to compare whole lists in expectations. */
export function brief(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.rule} ${finding.file} ${finding.location}`.trimEnd());
}

/** The findings of one rule. */
export function only(findings: readonly Finding[], rule: string): Finding[] {
  return findings.filter((finding) => finding.rule === rule);
}

export { validateApp, exitCodeOf, NOT_AN_APP } from './validate-app';
export type { ValidateOptions } from './context';
export type { Finding, Severity, ValidationReport } from './finding';
export { formatFindings, formatJsonReport, formatSummary } from './format-report';

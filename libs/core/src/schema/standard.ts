/**
 * Schemas as the core sees them: the Standard Schema interface (https://standardschema.dev), which zod and valibot
 * both implement. Front-end contracts use valibot to keep placeholder bundles small; server-side payload schemas use
 * zod; everything that only needs to validate takes either through this one interface.
 */
export interface SchemaIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

export type SchemaResult<Output> = { readonly value: Output; readonly issues?: undefined } | { readonly issues: ReadonlyArray<SchemaIssue> };

export interface Schema<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => SchemaResult<Output> | Promise<SchemaResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

export type InputOf<S extends Schema> = NonNullable<S['~standard']['types']>['input'];
export type OutputOf<S extends Schema> = NonNullable<S['~standard']['types']>['output'];

export type Checked<Output> = { ok: true; value: Output } | { ok: false; issues: ReadonlyArray<SchemaIssue>; message: string };

const SHOWN_ISSUES = 3;

/** One line for people: `path: message; path: message (and N more)`. */
export function describeIssues(issues: ReadonlyArray<SchemaIssue>): string {
  const shown = issues.slice(0, SHOWN_ISSUES).map((issue) => {
    const path = (issue.path ?? []).map((part) => String(typeof part === 'object' ? part.key : part)).join('.');
    return `${path || '(root)'}: ${issue.message}`;
  });
  const more = issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}

export function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && typeof (value as Partial<Schema>)['~standard']?.validate === 'function';
}

/** Validates synchronously; contracts between instances and with the server never use async refinements. */
export function check<S extends Schema>(schema: S, value: unknown): Checked<OutputOf<S>> {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) throw new TypeError('This schema validates asynchronously; contracts must validate synchronously.');
  if (!result.issues) return { ok: true, value: result.value as OutputOf<S> };
  return { ok: false, issues: result.issues, message: describeIssues(result.issues) };
}

export type SafeParsed<Output> = { success: true; data: Output } | { success: false; error: { issues: ReadonlyArray<SchemaIssue> } };

/** `check` in the familiar safeParse shape, for code that reads `.success`, `.data` and `.error.issues`. */
export function safeParse<S extends Schema>(schema: S, value: unknown): SafeParsed<OutputOf<S>> {
  const result = check(schema, value);
  return result.ok ? { success: true, data: result.value } : { success: false, error: { issues: result.issues } };
}

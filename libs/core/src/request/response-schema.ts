/**
 * The slice of Standard Schema (https://standardschema.dev) that response parsing needs. Zod 4 schemas satisfy it,
 * so templates take `z.object(...)` directly while the core itself carries no schema library in its bundle.
 */
export interface ResponseIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

export type ResponseValidation<Output> = { readonly value: Output; readonly issues?: undefined } | { readonly issues: ReadonlyArray<ResponseIssue> };

export interface ResponseSchema<Output = unknown> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => ResponseValidation<Output> | Promise<ResponseValidation<Output>>;
    readonly types?: { readonly input: unknown; readonly output: Output } | undefined;
  };
}

export type ResponseOutput<S> = S extends ResponseSchema<infer Output> ? Output : string;

/** Accepts any string: what a template without a response schema resolves to. */
export const TEXT_RESPONSE: ResponseSchema<string> = {
  '~standard': {
    version: 1,
    vendor: 'callbridge',
    validate: (value) => (typeof value === 'string' ? { value } : { issues: [{ message: 'expected a string' }] }),
  },
};

function describeIssue(issue: ResponseIssue): string {
  const path = (issue.path ?? []).map((part) => String(typeof part === 'object' ? part.key : part)).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

export type ResponseCheck<Output> = { ok: true; value: Output } | { ok: false; problem: string };

const SHOWN_ISSUES = 3;

export async function checkResponse<Output>(schema: ResponseSchema<Output>, value: unknown): Promise<ResponseCheck<Output>> {
  const result = await schema['~standard'].validate(value);
  if (!result.issues) return { ok: true, value: result.value };
  const shown = result.issues.slice(0, SHOWN_ISSUES).map(describeIssue);
  const more = result.issues.length - shown.length;
  return { ok: false, problem: shown.join('; ') + (more > 0 ? ` (and ${more} more)` : '') };
}

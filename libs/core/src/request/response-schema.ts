import { describeIssues, type Schema, type SchemaIssue, type SchemaResult } from '../schema/standard';

/** A response schema: any Standard Schema (zod or valibot) whose output is what the template resolves to. */
export type ResponseSchema<Output = unknown> = Schema<unknown, Output>;
export type ResponseIssue = SchemaIssue;
export type ResponseValidation<Output> = SchemaResult<Output>;

export type ResponseOutput<S> = S extends ResponseSchema<infer Output> ? Output : string;

/** Accepts any string: what a template without a response schema resolves to. */
export const TEXT_RESPONSE: ResponseSchema<string> = {
  '~standard': {
    version: 1,
    vendor: 'callbridge',
    validate: (value) => (typeof value === 'string' ? { value } : { issues: [{ message: 'expected a string' }] }),
  },
};

export type ResponseCheck<Output> = { ok: true; value: Output } | { ok: false; problem: string };

export async function checkResponse<Output>(schema: ResponseSchema<Output>, value: unknown): Promise<ResponseCheck<Output>> {
  const result = await schema['~standard'].validate(value);
  if (!result.issues) return { ok: true, value: result.value };
  return { ok: false, problem: describeIssues(result.issues) };
}

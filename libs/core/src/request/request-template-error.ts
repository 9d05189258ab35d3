/** A request template that cannot be defined or rendered: names the template, the field and, where one is at fault, the key. */
export class RequestTemplateError extends Error {
  override name = 'RequestTemplateError';

  constructor(
    readonly templateName: string,
    readonly field: string,
    readonly problem: string,
    readonly key?: string,
  ) {
    super(`request template "${templateName}", ${field}: ${problem}`);
  }
}

const MAX_LENGTH = 200;

/** One line of text, no stack frames, bounded: what may go into an answer the front end or a log shows. */
export function oneLine(text: string): string {
  const first = text.split(/\r?\n/)[0] ?? '';
  const clean = first.replace(/\s+at\s+\S+\s+\(.*?\)/g, '').trim();
  return clean.length > MAX_LENGTH ? `${clean.slice(0, MAX_LENGTH - 1)}…` : clean;
}

/** A message for whatever was thrown: Errors and strings by their first line, other values by their type. */
export function safeMessage(thrown: unknown): string {
  if (thrown instanceof Error) return oneLine(thrown.message) || thrown.name;
  if (typeof thrown === 'string') return oneLine(thrown) || 'an empty string was thrown';
  const kind = thrown === null ? 'null' : Array.isArray(thrown) ? 'array' : typeof thrown;
  return `a non-Error value was thrown (${kind})`;
}

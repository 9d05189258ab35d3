let counter = 0;

/** A correlation id unique across the app's instances (each instance is its own page, so a counter alone is not). */
export function newCorrelationId(): string {
  counter += 1;
  const random = globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2);
  return `${random}-${counter.toString(36)}`;
}

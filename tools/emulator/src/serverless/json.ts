/** JSON helpers for values crossing between server.js, the browser and the emulator. */

export type JsonRecord = Record<string, unknown>;

export function isPlainObject(value: unknown): value is JsonRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  // Objects made inside the sandbox have the sandbox's Object.prototype, which is not ours.
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** A copy made of this realm's objects, without functions or undefined; throws for cycles and BigInt. */
export function cloneJson<T = unknown>(value: unknown): T {
  const text = JSON.stringify(value);
  return (text === undefined ? undefined : JSON.parse(text)) as T;
}

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Byte sizes as the platform counts them (UTF-8 of the JSON text). Written without Buffer or TextEncoder, which the
 * serverless sandbox does not provide.
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** A JSON-style object. Checked by tag, not prototype: the sandbox may hand us objects from another realm. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === '[object Object]';
}

/** Lines this long on average only come out of a minifier; fdk skips no-unused-vars for such files. */
const MINIFIED_AVERAGE_LINE = 200;
const MINIFIED_MIN_BYTES = 1024;

/** A single line this long is a minifier's work even when template literals keep some newlines (CSS in JS). */
const MINIFIED_LONGEST_LINE = 2000;

/** Decides whether a script is minified: named `.min.js`, or at least 1 KB with very long lines. */
export function isMinified(path: string, source: string): boolean {
  if (/\.min\.js$/i.test(path)) return true;
  if (source.length < MINIFIED_MIN_BYTES) return false;
  const lines = source.split('\n').filter((line) => line.trim() !== '');
  if (lines.some((line) => line.length >= MINIFIED_LONGEST_LINE)) return true;
  return lines.length > 0 && source.length / lines.length > MINIFIED_AVERAGE_LINE;
}

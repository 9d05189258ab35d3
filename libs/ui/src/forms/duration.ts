/** "2:30", "150" or "1:02:05" to seconds; undefined when it is none of those. A blank duration is 0. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const match = /^(?:(\d+):)?(\d+):([0-5]\d)$/.exec(trimmed);
  if (!match) return undefined;
  const [, h, m = '0', s = '0'] = match;
  if (h !== undefined && Number(m) > 59) return undefined;
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
}

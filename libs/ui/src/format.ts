import { currentLocale } from './i18n/t';

/** 0 -> "0:00", 75 -> "1:15", 3725 -> "1:02:05". */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A call's start time in the rep's language, e.g. "3 Nov 2026, 09:00"; the raw text when it is not a date. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options = { dateStyle: 'medium', timeStyle: 'short' } as const;
  try {
    return date.toLocaleString(currentLocale(), options);
  } catch {
    // A language tag the browser does not know.
    return date.toLocaleString('en', options);
  }
}

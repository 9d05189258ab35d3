/**
 * What the emulator enforces beyond the platform limits libs/core already spells (REQUEST_LIMITS, DB_LIMITS,
 * SCHEDULE_LIMITS, eventTimeoutMs): the figures only a stand-in for the platform needs. Where sources disagree the
 * strict 2.x figure is used; each is one constant here.
 */

export const SMI_LIMITS = {
  /** Seconds, when the manifest's `functions.<name>.timeout` is absent; some docs say 20. */
  defaultTimeoutSeconds: 5,
  /** The payload including the iparams the platform adds. */
  maxPayloadBytes: 100 * 1024,
} as const;

/** How long loading server.js at start or reload may run before it counts as an endless loop. */
export const LOAD_TIMEOUT_MS = 2_000;

/** At most this many log lines are kept per invocation; the rest only reach the console. */
export const MAX_LOG_LINES = 500;

/** `$db` and `client.db` calls per minute per app and account; the 51st is refused with 429. */
export const DB_CALLS_PER_MINUTE = 50;

/**
 * Grace on `$schedule`'s five minutes for the time between the app computing `now + 5 min` and the call arriving;
 * public samples schedule exactly five minutes ahead, and a sped-up clock makes that time long.
 */
export const SCHEDULE_LEAD_GRACE_MS = 10_000;

export const EXTERNAL_EVENT_LIMITS = {
  perMinute: 250,
  maxBodyBytes: 128 * 1024,
} as const;

export const MINUTE_MS = 60_000;

import { DB_LIMITS, DB_MESSAGES } from '@callbridge/core';
import { DB_CALLS_PER_MINUTE } from '../limits';

/** What `$db` answers when it refuses: libs/core's words (FDK's where known), and the emulator's for the rest. */
export const DB_ANSWERS = {
  notFound: DB_MESSAGES.notFound,
  setIfFailed: DB_MESSAGES.setIfFailed,
  itemTooLarge: DB_MESSAGES.itemTooLarge(DB_LIMITS.itemBytes),
  removeMissingKey: DB_MESSAGES.removeMissingKey,
  invalidPath: DB_MESSAGES.invalidPath,
  wrongAttributeType: DB_MESSAGES.wrongAttributeType,
  keyTooLong: DB_MESSAGES.keyTooLong(DB_LIMITS.keyLength),
  badKey: DB_MESSAGES.badKey,
  badValue: DB_MESSAGES.badValue,
  /** Zero or negative keeps the key for good, as the platform documents; only a non-number is refused. */
  badTtl: 'TTL must be a number of seconds',
  badSetIf: 'setIf must be "exist" or "not_exist"',
  badAction: 'The update action must be one of increment, append, set, remove',
  rateLimited: `You have exceeded the limit of ${DB_CALLS_PER_MINUTE} requests per minute`,
} as const;

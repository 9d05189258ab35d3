/** The data store's limits (PLATFORM-FACTS §1); the strict 2.x figures by default, each one configurable. */
export const DB_LIMITS = {
  /** Characters in a key: 30 in the 2.x docs, 60 in the newest. */
  keyLength: 30,
  /** Key plus serialized value: 8 KB in the 2.x docs (4 KB older, 40 KB newest). */
  itemBytes: 8 * 1024,
} as const;

export interface DbLimitOptions {
  maxKeyLength?: number;
  maxItemBytes?: number;
}

/**
 * What the platform says when it refuses, as `{status, message}`. Messages marked FDK are the ones FDK's own local
 * store uses; the others are ours, where nothing public spells them.
 */
export const DB_MESSAGES = {
  /** 404, documented. */
  notFound: 'Record not found',
  /** 400, FDK: `set`/`update` with setIf exist|not_exist whose condition fails. */
  setIfFailed: 'The setIf conditional request failed',
  /** 400, FDK. */
  itemTooLarge: (maxBytes: number) => `Item size exceeded the maximum limit of ${maxBytes / 1024} KB`,
  /** 400, FDK: `update(key, 'remove', ...)` on a missing key. */
  removeMissingKey: 'The specified key for remove operation does not exist in the data store',
  /** 400, FDK: an update path through something that is not there. */
  invalidPath: 'One or more paths in the attributes are invalid or overlapping with each other',
  /** 400, FDK: increment on a non-number, append on a non-array. */
  wrongAttributeType: 'Mandatory attributes missing',
  /** 400, ours. */
  keyTooLong: (maxLength: number) => `Key length exceeded the maximum limit of ${maxLength} characters`,
  /** 400, ours. */
  badKey: 'Key must be a non-empty string',
  /** 400, ours: the platform rejects `{}` and anything that is not a JSON object. */
  badValue: 'Value must be a non-empty JSON object',
  /** 400, ours. */
  badTtl: 'TTL must be a positive number of seconds',
} as const;

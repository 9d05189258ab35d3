/** Foreign or malformed traffic is normal (other apps' code, older builds): note it for developers, never throw. */
export function logIgnored(reason: string, data?: unknown): void {
  if (data === undefined) console.debug(`[callbridge/messaging] ignored a message: ${reason}`);
  else console.debug(`[callbridge/messaging] ignored a message: ${reason}`, data);
}

/** A listener of ours failed; keep the other listeners and the UI running. */
export function logListenerFailure(type: string, cause: unknown): void {
  console.error(`[callbridge/messaging] a listener for "${type}" failed`, cause);
}

/** What the platform rejects `$db`, `$schedule` and SMI calls with: a plain object, never an Error. */
export interface PlatformErrorBody {
  status: number;
  message: string;
}

/** A refusal inside the emulator; turned into a plain `{status, message}` before an app or a browser sees it. */
export class PlatformFailure extends Error {
  override name = 'PlatformFailure';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }

  body(): PlatformErrorBody {
    return { status: this.status, message: this.message };
  }
}

/** Any thrown value as the platform's error body; unexpected errors become 500 with their message. */
export function toErrorBody(error: unknown): PlatformErrorBody {
  if (error instanceof PlatformFailure) return error.body();
  return { status: 500, message: messageOf(error) };
}

/** The message of an Error from any realm (sandbox errors are not `instanceof Error` here), or the value as text. */
export function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

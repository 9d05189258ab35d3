/** The host the embedded phone system answers for, as the app's requests name it. */
export const AIRCALL_HOST = 'api.aircall.io';
export const AIRCALL_API_BASE = `https://${AIRCALL_HOST}/v1`;

/** The Basic-auth credentials (`api_id:api_token`) the embedded Aircall accepts unless told otherwise. */
export const EMULATOR_AIRCALL_API_ID = 'fake-aircall-id';
export const EMULATOR_AIRCALL_API_TOKEN = 'fake-aircall-token';

export interface AircallCredentials {
  apiId: string;
  apiToken: string;
}

export const DEFAULT_AIRCALL_CREDENTIALS: readonly AircallCredentials[] = [{ apiId: EMULATOR_AIRCALL_API_ID, apiToken: EMULATOR_AIRCALL_API_TOKEN }];

/** Aircall's documented company-wide limit (some help pages say 60). */
export const DEFAULT_AIRCALL_RATE_LIMIT = { limit: 120, windowMs: 60_000 };

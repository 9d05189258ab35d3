import { HandlerFailure } from '@callbridge/core';
import { CrmError, type CrmErrorKind } from '@callbridge/crm-connector';
import { PhoneProviderError, type PhoneErrorKind } from '@callbridge/phone-provider';

/** The status a server method answers with, so the front end can tell "fix the settings" from "try again". */
const STATUS: Readonly<Record<CrmErrorKind | PhoneErrorKind, number>> = {
  credentials: 502,
  forbidden: 403,
  not_found: 404,
  agent_unavailable: 409,
  invalid: 422,
  rate_limited: 429,
  unreachable: 503,
  unexpected: 502,
};

/** A CRM or phone system failure as the answer a person reads; anything else is left for the handler wrapper. */
export function toHandlerFailure(error: unknown): unknown {
  if (error instanceof CrmError || error instanceof PhoneProviderError) return new HandlerFailure(STATUS[error.kind], error.message, { cause: error });
  return error;
}

/** Runs `work`, answering CRM and phone system failures with their message and a status that says what to do. */
export async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toHandlerFailure(error);
  }
}

/** What a request resolves with, as the platform documents it: the body is always a string. */
export interface RequestSuccess {
  status: number;
  headers: Record<string, string>;
  response: string;
  attempts: number;
}

/** What a request rejects with: the app's fault (APP) or the platform's (PLATFORM). */
export interface RequestErrorBody extends RequestSuccess {
  errorSource: 'APP' | 'PLATFORM';
  /** Template validation problems, as FDK's runtime validation lists them. */
  errors?: { message: string; instancePath: string }[];
}

export class RequestFailure extends Error {
  override name = 'RequestFailure';
  constructor(readonly body: RequestErrorBody) {
    super(body.response);
  }
}

/** A request refused before it was sent, because of what the app asked for. */
export function appRefusal(status: number, message: string, errors?: RequestErrorBody['errors']): RequestFailure {
  return new RequestFailure({ status, headers: {}, response: message, attempts: 1, errorSource: 'APP', ...(errors ? { errors } : {}) });
}

export function platformRefusal(status: number, message: string, attempts = 1): RequestFailure {
  return new RequestFailure({ status, headers: {}, response: message, attempts, errorSource: 'PLATFORM' });
}

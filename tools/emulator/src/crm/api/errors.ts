import { json } from '../../http/router';

/** The products' error body: `{"errors": {"code": 422, "message": ["..."]}}`. */
export function crmError(status: number, messages: string | readonly string[], headers: Record<string, string> = {}): Response {
  return json({ errors: { code: status, message: typeof messages === 'string' ? [messages] : messages } }, status, headers);
}

/** A missing or wrong API key: the products answer with a login failure rather than the `errors` body. */
export function loginFailed(): Response {
  return json({ login: 'failed', message: 'Incorrect or expired API key' }, 401);
}

export function recordNotFound(what: string, id: string | number): Response {
  return crmError(404, `${what} ${id} does not exist`);
}

import { json } from '../http/router';

/** Aircall's application error body. */
export function aircallError(status: number, error: string, troubleshoot: string): Response {
  return json({ error, troubleshoot }, status);
}

export const notFound = (what: string) => aircallError(404, 'Not found', `${what} does not exist in this company. Check the id.`);

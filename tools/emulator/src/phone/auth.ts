import type { AircallCredentials } from './credentials';

export type AuthCheck = 'ok' | 'missing' | 'invalid';

/** HTTP Basic with `api_id:api_token`; a missing header and wrong credentials answer differently, as Aircall does. */
export function checkBasicAuth(request: Request, accepted: readonly AircallCredentials[]): AuthCheck {
  const header = request.headers.get('authorization');
  if (!header) return 'missing';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) return 'invalid';
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'invalid';
  const apiId = decoded.slice(0, colon);
  const apiToken = decoded.slice(colon + 1);
  return accepted.some((c) => c.apiId === apiId && c.apiToken === apiToken) ? 'ok' : 'invalid';
}

export function basicAuthHeader(credentials: AircallCredentials): string {
  return `Basic ${Buffer.from(`${credentials.apiId}:${credentials.apiToken}`).toString('base64')}`;
}

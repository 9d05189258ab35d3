const TOKEN_HEADER = /^Token\s+token="?([^"\s]+)"?\s*$/i;

/** The API key from `Authorization: Token token=<key>` (quoted or not), or undefined. */
export function apiKeyOf(request: Request): string | undefined {
  const header = request.headers.get('authorization');
  return header ? TOKEN_HEADER.exec(header.trim())?.[1] : undefined;
}

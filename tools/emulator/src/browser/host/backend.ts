import { platformError, raise, type PlatformErrorValue } from '../platform-error';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The emulator's HTTP endpoints as the host page calls them: 2xx resolves the body, anything else rejects. */
export interface Backend {
  get(path: string): Promise<unknown>;
  post(path: string, body: unknown): Promise<unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-2xx answer as the platform's rejection: `{status, message, errorSource?}`, keeping what the body adds. */
export function toRejection(status: number, body: unknown, text: string, path: string): PlatformErrorValue {
  const fallback = text.trim() || `${path} answered HTTP ${status}`;
  if (!isObject(body)) return platformError(status, fallback);
  const bodyStatus = typeof body.status === 'number' && Number.isInteger(body.status) ? body.status : status;
  const message = typeof body.message === 'string' ? body.message : typeof body.response === 'string' ? body.response : fallback;
  return { ...body, status: bodyStatus, message };
}

async function read(response: Response): Promise<{ text: string; body: unknown }> {
  const text = await response.text();
  if (text === '') return { text, body: undefined };
  try {
    return { text, body: JSON.parse(text) as unknown };
  } catch {
    return { text, body: text };
  }
}

export function createBackend(fetchFn: FetchLike): Backend {
  async function send(path: string, init: RequestInit): Promise<unknown> {
    let response: Response;
    try {
      response = await fetchFn(path, init);
    } catch (error) {
      raise(platformError(502, `Could not reach the emulator at ${path}: ${(error as Error).message}. Is it still running?`, 'PLATFORM'));
    }
    const { text, body } = await read(response);
    if (response.ok) return body;
    raise(toRejection(response.status, body, text, path));
  }
  return {
    get: (path) => send(path, { method: 'GET', headers: { accept: 'application/json' } }),
    post: (path, body) => send(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) }),
  };
}

/** A handler gets a web-standard Request and the path's named parameters, and answers a Response. */
export type RouteHandler = (request: Request, params: Record<string, string>) => Response | Promise<Response>;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Route {
  method: Method;
  pattern: RegExp;
  keys: string[];
  handler: RouteHandler;
}

/** Turns `/crm/:product/contacts/:id` into a matcher; `*rest` at the end takes the remainder of the path. */
function compile(path: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) {
        keys.push(segment.slice(1));
        return '([^/]+)';
      }
      if (segment.startsWith('*')) {
        keys.push(segment.slice(1));
        return '(.*)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { pattern: new RegExp(`^${source}/?$`), keys };
}

export class Router {
  private readonly routes: Route[] = [];

  on(method: Method, path: string, handler: RouteHandler): this {
    this.routes.push({ method, handler, ...compile(path) });
    return this;
  }
  get(path: string, handler: RouteHandler) {
    return this.on('GET', path, handler);
  }
  post(path: string, handler: RouteHandler) {
    return this.on('POST', path, handler);
  }
  put(path: string, handler: RouteHandler) {
    return this.on('PUT', path, handler);
  }
  patch(path: string, handler: RouteHandler) {
    return this.on('PATCH', path, handler);
  }
  delete(path: string, handler: RouteHandler) {
    return this.on('DELETE', path, handler);
  }

  /** Answers the request, 404 when no path matches and 405 when the path exists for other methods. */
  async handle(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    let pathMatched = false;
    for (const route of this.routes) {
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== request.method && !(route.method === 'GET' && request.method === 'HEAD')) continue;
      const params = Object.fromEntries(route.keys.map((key, i) => [key, decodeURIComponent(match[i + 1] ?? '')]));
      return route.handler(request, params);
    }
    return pathMatched ? json({ message: `${request.method} is not allowed on ${pathname}` }, 405) : json({ message: `Nothing at ${pathname}` }, 404);
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

export function html(body: string, status = 200): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/** Reads a JSON body; a body that is not JSON answers 400 naming the problem instead of throwing. */
export async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await request.text();
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, response: json({ message: `body: not valid JSON (${(error as Error).message})` }, 400) };
  }
}

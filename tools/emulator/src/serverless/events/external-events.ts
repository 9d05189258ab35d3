import { isProductName, type ProductName } from '@callbridge/core';
import { json } from '../../http/router';
import { EXTERNAL_EVENT_LIMITS, MINUTE_MS } from '../limits';
import { SlidingWindow } from '../rate-window';
import type { EventRunner } from './event-runner';
import type { TargetUrls } from './target-urls';

/** Content types the platform accepts for webhooks. */
const JSON_TYPES = ['application/json'];
const XML_TYPES = ['application/xml', 'text/xml'];
const FORM_TYPES = ['application/x-www-form-urlencoded'];

type Parsed = { ok: true; data: unknown } | { ok: false; response: Response };

/** `a=1&b=2&b=3` as `{a: '1', b: ['2', '3']}`. */
function formData(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const previous = out[key];
    out[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return out;
}

function parseBody(contentType: string, text: string): Parsed {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (text.trim() === '' && (type === '' || JSON_TYPES.includes(type))) return { ok: true, data: {} };
  if (JSON_TYPES.includes(type) || type.endsWith('+json')) {
    try {
      return { ok: true, data: JSON.parse(text) as unknown };
    } catch (error) {
      return { ok: false, response: json({ message: `body: not valid JSON (${(error as Error).message})` }, 400) };
    }
  }
  if (XML_TYPES.includes(type) || type.endsWith('+xml')) return { ok: true, data: text };
  if (FORM_TYPES.includes(type)) return { ok: true, data: formData(text) };
  return { ok: false, response: json({ message: `Unsupported content type "${type || '(none)'}"; send application/json, application/xml, text/xml or application/x-www-form-urlencoded` }, 415) };
}

/**
 * Requests to an installation's target URL become onExternalEvent invocations, `data` the parsed body and
 * `headers` the request's. The platform acknowledges a webhook when it accepts it, not when the app is done, so the
 * emulator answers 200 at once and the handler runs in the background, its outcome going to the log.
 */
export class ExternalEvents {
  private readonly windows = new Map<ProductName, SlidingWindow>();

  constructor(
    private readonly targets: TargetUrls,
    private readonly runner: EventRunner,
    private readonly now: () => number,
    private readonly log: (line: string) => void,
  ) {}

  async receive(request: Request, product: string, token: string): Promise<Response> {
    if (!isProductName(product) || !this.targets.matches(product, token)) return json({ message: 'No app installation listens at this URL' }, 404);
    if (!this.window(product).tryTake()) {
      return json({ message: `You have exceeded the limit of ${EXTERNAL_EVENT_LIMITS.perMinute} external events per minute` }, 429);
    }
    const text = await request.text();
    if (Buffer.byteLength(text) > EXTERNAL_EVENT_LIMITS.maxBodyBytes) return json({ message: 'The webhook payload exceeds 128 KB' }, 413);
    const parsed = parseBody(request.headers.get('content-type') ?? '', text);
    if (!parsed.ok) return parsed.response;
    if (!this.runner.registered(product).onExternalEvent) {
      this.log(`external event for ${product} received, but the app registers no onExternalEvent handler`);
    } else {
      const payload = { ...this.runner.base(product, 'onExternalEvent'), data: parsed.data, headers: Object.fromEntries(request.headers) };
      void this.runner.run(product, 'onExternalEvent', payload);
    }
    return json({ message: 'Event received' });
  }

  reset(): void {
    this.windows.clear();
  }

  private window(product: ProductName): SlidingWindow {
    let window = this.windows.get(product);
    if (!window) {
      window = new SlidingWindow(EXTERNAL_EVENT_LIMITS.perMinute, MINUTE_MS, this.now);
      this.windows.set(product, window);
    }
    return window;
  }
}

export interface LiveEvent {
  id: number;
  type: 'reload' | 'record';
  data: unknown;
}

const KEEP = 200;
const RETRY_MS = 100;

function format(events: LiveEvent[]): string {
  return `retry: ${RETRY_MS}\n\n${events.map((e) => `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`).join('')}`;
}

/**
 * The live channel pages listen to (`/_fdk/live`, Server-Sent Events): app reloads and record changes. The emulator's
 * HTTP bridge sends a body only once it is complete, so each response carries the events waiting and then ends;
 * EventSource reconnects at once with `Last-Event-ID`, and nothing is lost in between.
 */
export class LiveHub {
  private readonly events: LiveEvent[] = [];
  private nextId = 1;
  private readonly waiting = new Set<() => void>();

  constructor(private readonly holdMs = 25_000) {}

  get lastId(): number {
    return this.nextId - 1;
  }

  publish(type: LiveEvent['type'], data: unknown = {}): void {
    this.events.push({ id: this.nextId++, type, data });
    if (this.events.length > KEEP) this.events.splice(0, this.events.length - KEEP);
    for (const wake of [...this.waiting]) wake();
  }

  private after(since: number): LiveEvent[] {
    return this.events.filter((event) => event.id > since);
  }

  handle(request: Request): Response {
    const url = new URL(request.url);
    const asked = Number(request.headers.get('last-event-id') ?? url.searchParams.get('since') ?? this.lastId);
    // A page from before a restart may know ids this hub never issued: start from now.
    const since = Number.isInteger(asked) && asked >= 0 && asked <= this.lastId ? asked : this.lastId;
    const encoder = new TextEncoder();
    let stop: () => void = () => {};
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        let done = false;
        stop = () => {
          done = true;
          clearTimeout(timer);
          this.waiting.delete(finish);
        };
        const finish = () => {
          if (done) return;
          stop();
          const events = this.after(since);
          controller.enqueue(encoder.encode(events.length ? format(events) : `retry: ${RETRY_MS}\n\n: nothing new\n\n`));
          controller.close();
        };
        const timer = setTimeout(finish, this.holdMs);
        if (this.after(since).length) finish();
        else this.waiting.add(finish);
      },
      cancel: () => stop(),
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' } });
  }

  /** Ends every waiting response, so the server can close. */
  close(): void {
    for (const wake of [...this.waiting]) wake();
  }
}

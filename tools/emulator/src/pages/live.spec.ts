import { describe, expect, it } from 'vitest';
import { LiveHub } from './live';

const ask = (hub: LiveHub, headers: Record<string, string> = {}, query = '') => hub.handle(new Request(`http://localhost/_fdk/live${query}`, { headers }));

describe('LiveHub', () => {
  it('holds a response until something happens, then sends it as Server-Sent Events', async () => {
    const hub = new LiveHub();
    const response = ask(hub, {}, '?since=0');
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    hub.publish('record', { product: 'freshsales', entity: 'contacts', id: 101 });
    const text = await response.text();
    expect(text).toContain('retry: 100');
    expect(text).toContain('id: 1\nevent: record\ndata: {"product":"freshsales","entity":"contacts","id":101}');
  });

  it('answers at once with what a reconnecting page missed, by Last-Event-ID', async () => {
    const hub = new LiveHub();
    hub.publish('record', { id: 1 });
    hub.publish('reload');
    const text = await ask(hub, { 'last-event-id': '1' }).text();
    expect(text).toContain('event: reload');
    expect(text).not.toContain('event: record');
  });

  it('ends quietly after the hold time, and when the emulator closes', async () => {
    const quick = new LiveHub(5);
    expect(await ask(quick).text()).toContain(': nothing new');
    const hub = new LiveHub();
    const pending = ask(hub, {}, '?since=99');
    hub.close();
    expect(await pending.text()).toContain(': nothing new');
  });

  it('keeps a bounded history', async () => {
    const hub = new LiveHub();
    for (let i = 0; i < 250; i++) hub.publish('record', { i });
    expect(hub.lastId).toBe(250);
    const text = await ask(hub, {}, '?since=0').text();
    expect(text.match(/event: record/g)).toHaveLength(200);
  });
});

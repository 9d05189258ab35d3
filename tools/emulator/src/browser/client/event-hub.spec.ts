import { describe, expect, it, vi } from 'vitest';
import { EventHub, type ClientEventCallback } from './event-hub';

describe('EventHub', () => {
  it('calls listeners with helper.getData() and data', () => {
    const hub = new EventHub();
    const seen: unknown[] = [];
    hub.on('calling', (event) => seen.push([event.type, event.helper.getData(), event.data]));
    hub.emit('calling', { phoneNumber: '+1' });
    expect(seen).toEqual([['calling', { phoneNumber: '+1' }, { phoneNumber: '+1' }]]);
  });

  it('keeps the latest event nobody listened to yet for the first listener, once', async () => {
    const hub = new EventHub();
    hub.emit('app.activated', { n: 1 });
    hub.emit('app.activated', { n: 2 });
    const first = vi.fn<ClientEventCallback>();
    const second = vi.fn<ClientEventCallback>();
    hub.on('app.activated', first);
    hub.on('app.activated', second);
    await Promise.resolve();
    expect(first).toHaveBeenCalledOnce();
    expect(first.mock.calls[0]![0].data).toEqual({ n: 2 });
    expect(second).not.toHaveBeenCalled();
  });

  it('drops events for names whose listeners were all removed, and survives failing callbacks', async () => {
    const report = vi.fn();
    const hub = new EventHub(report);
    const listener = vi.fn(() => {
      throw new Error('app bug');
    });
    hub.on('app.deactivated', listener);
    hub.emit('app.deactivated', {});
    hub.on('x', () => Promise.reject(new Error('async bug')));
    hub.emit('x', {});
    await Promise.resolve();
    hub.off('app.deactivated', listener);
    hub.emit('app.deactivated', {});
    expect(listener).toHaveBeenCalledOnce();
    expect(report).toHaveBeenCalledTimes(2);
  });

  it('refuses a callback that is not a function', () => {
    expect(() => new EventHub().on('app.activated', 'nope' as never)).toThrow(/must be a function/);
  });

  it('reports to the console by default', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const hub = new EventHub();
    hub.on('x', () => {
      throw new Error('bug');
    });
    hub.emit('x', {});
    expect(error).toHaveBeenCalled();
  });
});

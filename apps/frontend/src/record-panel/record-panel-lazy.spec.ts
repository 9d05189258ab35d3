import { createFakePlatform, type FakePlatform } from '@callbridge/core/testing';
import { click, deepText, findAll, render, settle } from '@callbridge/ui/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred, hostOf, sampleCall } from '../testing';
import { contactProfile } from './profiles/contact';
import './record-panel';

// "Log a call" loads the modal's contract on the rep's first click; that code can be slow or fail to arrive.
const loads = vi.hoisted(() => ({ gate: undefined as Promise<void> | undefined, failures: 0 }));
vi.mock('./log-call-modal', async (original: () => Promise<unknown>) => {
  await loads.gate;
  if (loads.failures > 0) {
    loads.failures -= 1;
    throw new TypeError('Failed to fetch dynamically imported module');
  }
  return original();
});

let platform: FakePlatform;

beforeEach(() => {
  platform = createFakePlatform();
  platform.onInvoke('listCalls', () => ({ calls: [sampleCall()] }));
  platform.onInvoke('openDeals', () => ({ deals: [] }));
});
afterEach(() => {
  document.body.replaceChildren();
  loads.gate = undefined;
  loads.failures = 0;
});

async function activated() {
  const { host } = await hostOf(platform, { location: 'contact_entity_menu' });
  const el = await render('cb-record-panel', { host, profile: contactProfile });
  await platform.emit('app.activated');
  await vi.waitFor(() => expect(deepText(el)).toContain('Log a call'));
  await settle(el);
  return el;
}

const logButton = (el: HTMLElement) => findAll<HTMLButtonElement>(el, '.heading button')[0]!;

describe('cb-record-panel: "Log a call" loads its form on first use', () => {
  it('says the form did not open when its code did not arrive, and opens it on the next click', async () => {
    loads.failures = 1;
    const el = await activated();
    await click(el, 'Log a call');
    await vi.waitFor(() => expect(deepText(el)).toContain('The form did not open.'));
    expect(platform.modals).toHaveLength(0);
    await click(el, 'Log a call');
    await vi.waitFor(() => expect(platform.modals).toHaveLength(1));
  });

  it('says the form is on its way, and takes no second click meanwhile', async () => {
    const gate = deferred<void>();
    loads.gate = gate.promise;
    const el = await activated();
    await click(el, 'Log a call');
    await vi.waitFor(() => expect(deepText(logButton(el))).toBe('Opening the form…'));
    expect(logButton(el).disabled).toBe(true);
    gate.resolve();
    await vi.waitFor(() => expect(platform.modals).toHaveLength(1));
    await vi.waitFor(() => expect(deepText(logButton(el))).toBe('Log a call'));
    expect(logButton(el).disabled).toBe(false);
  });
});

import { createFakePlatform, type FakePlatform } from '@callbridge/core/testing';
import { click, deepText, find, findAll, render, settle, type } from '@callbridge/ui/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred, hostOf, sampleMatch } from '../testing';
import './phone-app';

// The code the phone app loads on first use (the log form, the placeholder form) can fail to arrive. Modules load
// once per file: a test that needs a failed load comes before any test that loads the same module.
const loads = vi.hoisted(() => ({ afterCallFailures: 0, placeholderGate: undefined as Promise<void> | undefined }));
vi.mock('./after-call', async (original: () => Promise<unknown>) => {
  if (loads.afterCallFailures > 0) {
    loads.afterCallFailures -= 1;
    throw new TypeError('Failed to fetch dynamically imported module');
  }
  return original();
});
vi.mock('./create-placeholder', async (original: () => Promise<unknown>) => {
  await loads.placeholderGate;
  return original();
});

let platform: FakePlatform;

beforeEach(() => {
  platform = createFakePlatform({ product: 'freshworks_crm' });
  platform.install({ iparams: { placeholder_name: 'New caller' } });
  platform.onInvoke('currentCall', () => ({ call: null }));
  platform.onInvoke('findByPhone', (payload) => ({ matches: payload.phone === '+14155550123' ? [sampleMatch()] : [] }));
});
afterEach(() => {
  document.body.replaceChildren();
  loads.afterCallFailures = 0;
  loads.placeholderGate = undefined;
});

async function openPhone() {
  const { host } = await hostOf(platform, { location: 'left_nav_cti' });
  return render('cb-phone-app', { host });
}

const shows = async (el: HTMLElement, text: string) => {
  await vi.waitFor(() => expect(deepText(el)).toContain(text));
  await settle(el);
};

describe('cb-phone-app: code loaded on first use', () => {
  it('loads the log form again when the call ends, says when it still did not load, and loads it on Retry', async () => {
    // Once while the call is on screen, once as it ends.
    loads.afterCallFailures = 2;
    const el = await openPhone();
    await type(el, 'Phone number', '+14155550123');
    await click(el, 'Find caller');
    await shows(el, 'Jane Sample');
    await click(el, 'Call ended: log it');
    await shows(el, 'The form did not load. Check the connection, then try again.');
    expect(loads.afterCallFailures).toBe(0);
    expect(findAll(el, 'cb-log-call-form')).toEqual([]);
    await click(el, 'Retry');
    await vi.waitFor(() => find(el, 'cb-log-call-form form'));
  });

  it('says the placeholder form is on its way, and takes no second click meanwhile', async () => {
    const gate = deferred<void>();
    loads.placeholderGate = gate.promise;
    const el = await openPhone();
    await type(el, 'Phone number', '+14155550199');
    await click(el, 'Find caller');
    await shows(el, 'No contact or lead has this number.');
    await click(el, 'Create placeholder contact');
    await shows(el, 'Opening…');
    const button = findAll<HTMLButtonElement>(el, 'button').find((b) => deepText(b) === 'Opening…')!;
    expect(button.disabled).toBe(true);
    gate.resolve();
    await vi.waitFor(() => expect(platform.modals).toHaveLength(1));
    await shows(el, 'Create placeholder contact');
  });
});

import { callbridgeModal } from '@callbridge/contracts';
import type { HostPort } from '@callbridge/core';
import type * as v from 'valibot';
import { createFakePlatform, type FakePlatform } from '@callbridge/core/testing';
import { click, deepText, find, findAll, render } from '@callbridge/ui/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hostOf } from '../testing';
import './modal-root';

// The modal loads its session and then only the form of its mode; that code can fail to arrive. Modules load once per
// file: each test fails a module no test before it loaded.
const loads = vi.hoisted(() => ({ sessionFailures: 0, logCallFailures: 0 }));
vi.mock('./session', async (original: () => Promise<unknown>) => {
  if (loads.sessionFailures > 0) {
    loads.sessionFailures -= 1;
    throw new TypeError('Failed to fetch dynamically imported module');
  }
  return original();
});
vi.mock('./log-call-mode', async (original: () => Promise<unknown>) => {
  if (loads.logCallFailures > 0) {
    loads.logCallFailures -= 1;
    throw new TypeError('Failed to fetch dynamically imported module');
  }
  return original();
});

let platform: FakePlatform;
let opener: HostPort;

beforeEach(async () => {
  platform = createFakePlatform({ product: 'freshsales' });
  ({ host: opener } = await hostOf(platform, { location: 'left_nav_cti' }));
});
afterEach(() => document.body.replaceChildren());

async function openModal(data: v.InferInput<typeof callbridgeModal.input> = { form: 'create-contact', phone: '+14155550199', defaultName: 'New caller', allowedTypes: ['contact'] }) {
  void opener.openModal(callbridgeModal, { title: 'Callbridge', data });
  await vi.waitFor(() => expect(platform.modals).toHaveLength(1));
  const { host } = await hostOf(platform, platform.lastModal().client);
  return render('cb-modal-root', { host });
}

const shows = (el: HTMLElement, text: string) => vi.waitFor(() => expect(deepText(el)).toContain(text));

describe('cb-modal-root: code loaded on first use', () => {
  it('says when its session code did not load, and starts on Retry', async () => {
    loads.sessionFailures = 1;
    const root = await openModal();
    await shows(root, 'The form did not load. Check the connection, then try again.');
    await click(root, 'Retry');
    await vi.waitFor(() => find(root, 'cb-create-contact-form form'));
  });

  it('says when the form of its mode did not load, and shows it on Retry', async () => {
    loads.logCallFailures = 1;
    const root = await openModal({ form: 'log-call', target: { type: 'contact', id: 7, name: 'Jane Sample' } });
    await shows(root, 'The form did not load. Check the connection, then try again.');
    expect(findAll(root, 'cb-log-call-form')).toEqual([]);
    await click(root, 'Retry');
    await vi.waitFor(() => find(root, 'cb-log-call-form form'));
    expect(deepText(root)).toContain('Jane Sample');
  });
});

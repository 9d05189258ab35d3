import { afterEach, describe, expect, it } from 'vitest';
import { fr } from '../i18n/fr';
import { setLanguage } from '../i18n/t';
import { deepText, findAll, render, settle } from '../testing';
import './call-list';
import type { CallListItem } from './call-list.component';

const calls: CallListItem[] = [
  { id: 'c1', direction: 'inbound', outcome: 'Connected', durationSeconds: 75, startedAt: '2026-11-01T10:00:00Z', target: { name: 'Ana' } },
  { id: 'c2', direction: 'outbound', outcome: 'No answer', durationSeconds: 0, startedAt: '2026-11-03T09:00:00Z', notes: 'Left voicemail' },
];

const list = (items: readonly CallListItem[], showTarget = false) =>
  render('cb-call-list', { calls: items, showTarget, formatTime: (iso: string) => iso.slice(0, 10) });

const rows = (el: HTMLElement) => findAll(el, 'li').map(deepText);

afterEach(() => {
  document.body.replaceChildren();
  setLanguage('en');
});

describe('cb-call-list', () => {
  it('lists calls newest first with direction, outcome, duration, date and notes', async () => {
    expect(rows(await list(calls))).toEqual(['Outgoing · No answer 0:00 · 2026-11-03 Left voicemail', 'Incoming · Connected 1:15 · 2026-11-01']);
  });

  it('is a labelled list', async () => {
    expect(findAll(await list(calls), 'ul')[0]?.getAttribute('aria-label')).toBe('Recent calls');
  });

  it('says who each call was with where calls of several people mix', async () => {
    expect(rows(await list(calls, true))[1]).toBe('Incoming · Connected 1:15 · 2026-11-01 with Ana');
  });

  it('says so when there are no calls', async () => {
    expect(deepText(await list([]))).toBe('No calls yet.');
  });

  it('re-renders when its calls change', async () => {
    const el = await list([]);
    el.calls = [calls[0]!];
    await settle(el);
    expect(rows(el)).toHaveLength(1);
  });

  it('renders notes and names with markup as text, never as HTML', async () => {
    const markup = '<img src=x onerror=alert(1)>';
    const el = await list([{ ...calls[0]!, notes: markup, target: { name: `<b>${markup}</b>` } }], true);
    expect(findAll(el, 'img, b')).toEqual([]);
    expect(deepText(el)).toContain(markup);
  });

  it('speaks the rep’s language', async () => {
    setLanguage('fr', fr);
    expect(deepText(await list([]))).toBe('Aucun appel.');
    expect(rows(await list(calls, true))[1]).toContain('avec Ana');
  });

  it('shows start times in the rep’s language by default', async () => {
    setLanguage('en-US');
    const el = await render('cb-call-list', { calls: [calls[0]!] });
    expect(deepText(el)).toContain('2026');
  });

  it('registers once even when loaded twice', async () => {
    await import('./call-list');
    expect(customElements.get('cb-call-list')).toBeDefined();
  });
});

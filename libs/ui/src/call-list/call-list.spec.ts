import { afterEach, describe, expect, it, vi } from 'vitest';
import './call-list';
import type { CallListItem } from './call-list.component';

const calls: CallListItem[] = [
  { id: 'c1', direction: 'inbound', outcome: 'Connected', durationSeconds: 75, startedAt: '2026-11-01T10:00:00Z' },
  { id: 'c2', direction: 'outbound', outcome: 'No answer', durationSeconds: 0, startedAt: '2026-11-03T09:00:00Z', notes: 'Left voicemail' },
];

async function mount(items: readonly CallListItem[]) {
  const el = document.createElement('cb-call-list');
  el.formatTime = (iso) => iso.slice(0, 10);
  el.calls = items;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const rows = (el: HTMLElement) => [...(el.shadowRoot?.querySelectorAll('li') ?? [])].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());

afterEach(() => document.body.replaceChildren());

describe('cb-call-list', () => {
  it('lists calls newest first with direction, outcome, duration, date and notes', async () => {
    const el = await mount(calls);
    expect(rows(el)).toEqual([
      'Outgoing · No answer 0:00 2026-11-03 Left voicemail',
      'Incoming · Connected 1:15 2026-11-01',
    ]);
  });

  it('shows the empty text when there are no calls', async () => {
    const el = await mount([]);
    expect(el.shadowRoot?.querySelector('.empty')?.textContent).toBe('No calls yet.');
  });

  it('re-renders when its calls change', async () => {
    const el = await mount([]);
    el.calls = [calls[0]!];
    await el.updateComplete;
    expect(rows(el)).toHaveLength(1);
  });

  it('renders notes with markup as text, never as HTML', async () => {
    const el = await mount([{ ...calls[0]!, notes: '<img src=x onerror=alert(1)>' }]);
    expect(el.shadowRoot?.querySelector('img')).toBeNull();
    expect(el.shadowRoot?.querySelector('.notes')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('fires cb-call-open with the call id when a call is clicked', async () => {
    const el = await mount(calls);
    const listener = vi.fn();
    document.body.addEventListener('cb-call-open', (e) => {
      listener(e.detail);
    });
    el.shadowRoot?.querySelectorAll<HTMLButtonElement>('button.call')[1]?.click();
    expect(listener).toHaveBeenCalledWith({ callId: 'c1' });
  });

  it('registers once even when loaded twice', async () => {
    await import('./call-list');
    expect(customElements.get('cb-call-list')).toBeDefined();
  });
});

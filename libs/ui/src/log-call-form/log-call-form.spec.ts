import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LogCallValues } from '../events';
import { click, deepText, find, findAll, render, select, settle, textOf, type } from '../testing';
import './log-call-form';

afterEach(() => document.body.replaceChildren());

const OUTCOMES = ['Connected', 'No answer', 'Busy'];
const jane = { type: 'contact', id: 7, name: 'Jane Sample' };

async function form(properties: Partial<HTMLElementTagNameMap['cb-log-call-form']> = {}) {
  const el = await render('cb-log-call-form', { targets: [jane], outcomes: OUTCOMES, ...properties });
  const submitted = vi.fn<(values: LogCallValues) => void>();
  el.addEventListener('cb-log-call-submit', (event) => submitted(event.detail));
  return { el, submitted };
}

const field = (el: HTMLElement, id: string) => find<HTMLInputElement>(el, `#${id}`);

describe('cb-log-call-form', () => {
  it('starts from what the opener knows: who, the number, direction and duration', async () => {
    const { el } = await form({ phone: '+14155550123', direction: 'inbound', duration: 150 });
    expect(textOf(el, 'form > p')).toBe('Jane Sample +14155550123');
    expect(textOf(el, 'form > p strong')).toBe('Jane Sample');
    expect(find<HTMLInputElement>(el, 'input[value="inbound"]').checked).toBe(true);
    expect(field(el, 'duration').value).toBe('2:30');
  });

  it('starts with the outcome it was given, which the rep may change, and asks for one when given none', async () => {
    const { el, submitted } = await form({ outcome: 'No answer' });
    expect(field(el, 'outcome').value).toBe('No answer');
    await click(el, 'Save');
    expect(submitted).toHaveBeenLastCalledWith(expect.objectContaining({ outcome: 'No answer' }));
    await select(el, 'Outcome', 'Busy');
    // Another render (the owner saving) keeps the rep's choice.
    el.busy = true;
    await settle(el);
    expect(field(el, 'outcome').value).toBe('Busy');
    el.busy = false;
    el.outcome = 'Connected';
    await settle(el);
    expect(field(el, 'outcome').value).toBe('Connected');
    const { el: blank } = await form();
    expect(field(blank, 'outcome').value).toBe('');
  });

  it('logs an outgoing call with the outcome, duration and notes the rep gave', async () => {
    const { el, submitted } = await form();
    await select(el, 'Outcome', 'No answer');
    await type(el, 'Duration (mm:ss or seconds)', '1:05');
    await type(el, 'Notes', '  Call back Tuesday  ');
    await click(el, 'Save');
    expect(submitted).toHaveBeenCalledWith({ target: 0, direction: 'outbound', outcome: 'No answer', durationSeconds: 65, notes: 'Call back Tuesday', dealId: undefined });
  });

  it('accepts seconds and a blank duration, and leaves blank notes out', async () => {
    const { el, submitted } = await form();
    await select(el, 'Outcome', 'Busy');
    await click(el, 'Incoming');
    await type(el, 'Duration (mm:ss or seconds)', '');
    await click(el, 'Save');
    expect(submitted).toHaveBeenLastCalledWith(expect.objectContaining({ direction: 'inbound', durationSeconds: 0, notes: undefined }));
    await type(el, 'Duration (mm:ss or seconds)', '90');
    await click(el, 'Save');
    expect(submitted).toHaveBeenLastCalledWith(expect.objectContaining({ durationSeconds: 90 }));
  });

  it('offers the contact’s open deals and the matched records to choose from', async () => {
    const ana = { type: 'lead', id: 9, name: 'Ana Lead' };
    const { el, submitted } = await form({ targets: [jane, ana], deals: [{ id: 31, name: 'Renewal' }] });
    await select(el, 'Log against', 'Ana Lead');
    await select(el, 'Related deal', 'Renewal');
    await select(el, 'Outcome', 'Connected');
    await click(el, 'Save');
    expect(submitted).toHaveBeenCalledWith(expect.objectContaining({ target: 1, dealId: 31 }));
  });

  it('shows no deal choice without deals', async () => {
    const { el } = await form();
    expect(findAll(el, '#deal')).toEqual([]);
  });

  it('names what is wrong beside each field, tied to it for screen readers, and focuses the first', async () => {
    const { el, submitted } = await form();
    await type(el, 'Duration (mm:ss or seconds)', '2 min');
    await type(el, 'Notes', 'x'.repeat(2_001));
    await click(el, 'Save');
    expect(submitted).not.toHaveBeenCalled();
    expect(textOf(el, '#outcome-error')).toBe('Choose an outcome.');
    expect(textOf(el, '#duration-error')).toBe('Use mm:ss, such as 2:30, or seconds.');
    expect(textOf(el, '#notes-error')).toBe('At most 2000 characters.');
    for (const id of ['outcome', 'duration', 'notes']) {
      expect(field(el, id).getAttribute('aria-invalid')).toBe('true');
      expect(field(el, id).getAttribute('aria-describedby')).toBe(`${id}-error`);
    }
    expect(el.shadowRoot?.activeElement?.id).toBe('outcome');
  });

  it('refuses a call longer than a day', async () => {
    const { el, submitted } = await form();
    await select(el, 'Outcome', 'Connected');
    await type(el, 'Duration (mm:ss or seconds)', '24:00:01');
    await click(el, 'Save');
    expect(textOf(el, '#duration-error')).toBe('At most 24 hours.');
    expect(submitted).not.toHaveBeenCalled();
  });

  it('keeps what the rep typed when the owner shows a server error, and clears field errors once fixed', async () => {
    const { el, submitted } = await form();
    await click(el, 'Save');
    await select(el, 'Outcome', 'Connected');
    await type(el, 'Notes', 'Important');
    await click(el, 'Save');
    expect(findAll(el, '.error')).toEqual([]);
    el.busy = true;
    await settle(el);
    expect(textOf(el, '.actions .btn-primary')).toBe('Saving…');
    el.busy = false;
    el.error = 'Contact 7 no longer exists.';
    await settle(el);
    expect(textOf(el, '[role="alert"]')).toBe('Contact 7 no longer exists.');
    expect(field(el, 'notes').value).toBe('Important');
    expect(find<HTMLSelectElement>(el, '#outcome').value).toBe('Connected');
    expect(submitted).toHaveBeenCalledTimes(1);
  });

  it('does not submit twice while saving', async () => {
    const { el, submitted } = await form({ busy: true });
    await select(el, 'Outcome', 'Connected');
    find<HTMLFormElement>(el, 'form').requestSubmit();
    await settle(el);
    expect(submitted).not.toHaveBeenCalled();
  });

  it('tells its owner when the rep cancels', async () => {
    const { el } = await form();
    const cancelled = vi.fn();
    el.addEventListener('cb-cancel', cancelled);
    await click(el, 'Cancel');
    expect(cancelled).toHaveBeenCalledOnce();
  });

  it('renders names with markup as text', async () => {
    const { el } = await form({ targets: [{ ...jane, name: '<img src=x>' }], deals: [{ id: 1, name: '<i>deal</i>' }] });
    expect(findAll(el, 'img, i')).toEqual([]);
    expect(deepText(el)).toContain('<img src=x>');
  });

  it('labels every field', async () => {
    const { el } = await form({ deals: [{ id: 1, name: 'Renewal' }] });
    for (const control of findAll(el, 'select, textarea, input:not([type="radio"])')) {
      expect(find(el, `label[for="${control.id}"]`).textContent?.trim()).toBeTruthy();
    }
    expect(textOf(el, 'legend')).toBe('Direction');
  });
});

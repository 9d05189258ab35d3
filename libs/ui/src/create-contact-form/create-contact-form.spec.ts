import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CreateContactValues } from '../events';
import { click, deepText, find, findAll, render, settle, textOf, type } from '../testing';
import './create-contact-form';

afterEach(() => document.body.replaceChildren());

async function form(properties: Partial<HTMLElementTagNameMap['cb-create-contact-form']> = {}) {
  const el = await render('cb-create-contact-form', { phone: '+14155550199', name: 'Unknown caller', ...properties });
  const submitted = vi.fn<(values: CreateContactValues) => void>();
  el.addEventListener('cb-create-contact-submit', (event) => submitted(event.detail));
  return { el, submitted };
}

const nameField = (el: HTMLElement) => find<HTMLInputElement>(el, '#name');

describe('cb-create-contact-form', () => {
  it('starts with the installation’s placeholder name for the number', async () => {
    const { el } = await form();
    expect(nameField(el).value).toBe('Unknown caller');
    expect(deepText(el)).toContain('For +14155550199');
  });

  it('creates a contact when only contacts are allowed, without asking for a type', async () => {
    const { el, submitted } = await form({ types: ['contact'] });
    expect(findAll(el, 'input[type="radio"]')).toEqual([]);
    await type(el, 'Name', '  Ana Caller ');
    await click(el, 'Create');
    expect(submitted).toHaveBeenCalledWith({ name: 'Ana Caller', type: 'contact' });
  });

  it('offers lead only when allowed, the default first', async () => {
    const { el, submitted } = await form({ types: ['lead', 'contact'] });
    expect(findAll<HTMLInputElement>(el, 'input[type="radio"]').map((r) => [r.value, r.checked])).toEqual([
      ['lead', true],
      ['contact', false],
    ]);
    await click(el, 'Contact');
    await click(el, 'Create');
    expect(submitted).toHaveBeenCalledWith({ name: 'Unknown caller', type: 'contact' });
  });

  it.each([
    ['', 'empty'],
    ['x'.repeat(61), 'too long'],
  ])('refuses a name that is %s (%s), beside the field', async (name) => {
    const { el, submitted } = await form();
    await type(el, 'Name', name);
    await click(el, 'Create');
    expect(submitted).not.toHaveBeenCalled();
    expect(textOf(el, '#name-error')).toBe('Use 1 to 60 characters.');
    expect(nameField(el).getAttribute('aria-describedby')).toBe('name-error');
    expect(el.shadowRoot?.activeElement).toBe(nameField(el));
  });

  it('shows a server error without losing the name, and waits while saving', async () => {
    const { el, submitted } = await form();
    await type(el, 'Name', 'Ana');
    el.error = 'A contact with this number exists.';
    el.busy = true;
    await settle(el);
    expect(textOf(el, '[role="alert"]')).toBe('A contact with this number exists.');
    expect(textOf(el, '.btn-primary')).toBe('Saving…');
    find<HTMLFormElement>(el, 'form').requestSubmit();
    await settle(el);
    expect(submitted).not.toHaveBeenCalled();
    expect(nameField(el).value).toBe('Ana');
  });

  it('tells its owner when the rep cancels', async () => {
    const { el } = await form();
    const cancelled = vi.fn();
    el.addEventListener('cb-cancel', cancelled);
    await click(el, 'Cancel');
    expect(cancelled).toHaveBeenCalledOnce();
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { click, find, findAll, press, render, textOf, type } from '../testing';
import './dial-pad';

afterEach(() => document.body.replaceChildren());

const field = (el: HTMLElement) => find<HTMLInputElement>(el, 'input');

describe('cb-dial-pad', () => {
  it('builds the number from the keypad, with + and backspace', async () => {
    const el = await render('cb-dial-pad');
    for (const key of ['+', '4', '4', '2']) await click(el, key);
    await click(el, 'Delete last digit');
    expect(el.value).toBe('+44');
    expect(field(el).value).toBe('+44');
  });

  it('takes digits, + and Backspace from the keyboard while a key has focus', async () => {
    const el = await render('cb-dial-pad');
    for (const key of ['+', '1', '5', 'x']) await press(el, '.keys button', key);
    await press(el, '.keys button', 'Backspace');
    expect(el.value).toBe('+1');
  });

  it('leaves the field’s own keys to the field', async () => {
    const el = await render('cb-dial-pad', { value: '12' });
    await press(el, 'input', '3');
    expect(el.value).toBe('12');
    await type(el, 'Phone number', '0207');
    expect(el.value).toBe('0207');
  });

  it('asks its owner to call the number on Call', async () => {
    const el = await render('cb-dial-pad', { value: '+14155550123' });
    const dialled = vi.fn();
    el.addEventListener('cb-dial', (event) => {
      dialled(event.detail);
    });
    await click(el, 'Call');
    expect(dialled).toHaveBeenCalledWith({ phone: '+14155550123' });
  });

  it('asks its owner who the number belongs to on Find caller', async () => {
    const el = await render('cb-dial-pad', { value: '+14155550123' });
    const looked = vi.fn();
    el.addEventListener('cb-lookup', (event) => {
      looked(event.detail);
    });
    await click(el, 'Find caller');
    expect(looked).toHaveBeenCalledWith({ phone: '+14155550123' });
  });

  it('shows the owner’s error beside the field until the rep edits the number', async () => {
    const el = await render('cb-dial-pad', { value: '12', error: 'Not a full phone number.' });
    expect(textOf(el, '#number-error')).toBe('Not a full phone number.');
    expect(field(el).getAttribute('aria-describedby')).toBe('number-error');
    expect(field(el).getAttribute('aria-invalid')).toBe('true');
    await click(el, '3');
    expect(findAll(el, '#number-error')).toEqual([]);
    expect(field(el).getAttribute('aria-invalid')).toBe('false');
  });

  it('does not call twice while a call is being placed', async () => {
    const el = await render('cb-dial-pad', { value: '+14155550123', busy: true });
    const dialled = vi.fn();
    el.addEventListener('cb-dial', dialled);
    find<HTMLFormElement>(el, 'form').requestSubmit();
    expect(dialled).not.toHaveBeenCalled();
    expect(find<HTMLButtonElement>(el, '.actions button').disabled).toBe(true);
  });

  it('labels every control', async () => {
    const el = await render('cb-dial-pad');
    expect(find(el, 'label').textContent).toBe('Phone number');
    expect(find(el, '.keys').getAttribute('aria-label')).toBe('Dial pad');
    for (const button of findAll(el, 'button')) expect(button.textContent?.trim() || button.getAttribute('aria-label')).toBeTruthy();
  });
});

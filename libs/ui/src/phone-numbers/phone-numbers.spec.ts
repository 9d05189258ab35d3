import { afterEach, describe, expect, it, vi } from 'vitest';
import { click, deepText, findAll, render } from '../testing';
import './phone-numbers';

afterEach(() => document.body.replaceChildren());

const numbers = [
  { label: 'Mobile', phone: '+14155550123' },
  { label: 'Work', phone: 'ext. 12', problem: 'Not a full phone number.' },
];

describe('cb-phone-numbers', () => {
  it('lists each number with its label and a Call button named after it', async () => {
    const el = await render('cb-phone-numbers', { numbers });
    expect(findAll(el, 'li').map(deepText)).toEqual(['Mobile +14155550123 Call', 'Work ext. 12 Not a full phone number.']);
    expect(findAll(el, 'button').map((b) => b.getAttribute('aria-label'))).toEqual(['Call Mobile +14155550123']);
  });

  it('asks its owner to call the number the rep chose', async () => {
    const el = await render('cb-phone-numbers', { numbers });
    const dialled = vi.fn();
    document.body.addEventListener('cb-dial', (event) => {
      dialled(event.detail);
    });
    await click(el, 'Call Mobile +14155550123');
    expect(dialled).toHaveBeenCalledWith({ phone: '+14155550123' });
  });

  it('holds the Call buttons while a call is being placed', async () => {
    const el = await render('cb-phone-numbers', { numbers, busy: true });
    expect(findAll<HTMLButtonElement>(el, 'button').every((b) => b.disabled)).toBe(true);
  });

  it('says when the record has no number', async () => {
    expect(deepText(await render('cb-phone-numbers'))).toBe('No phone number.');
  });
});

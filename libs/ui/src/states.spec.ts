import { html, render } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emit } from './events';
import { errorView, loadingView } from './states';

afterEach(() => document.body.replaceChildren());

/** A fresh container per view: lit-html owns what it renders into. */
function show(view: unknown): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  render(view, container);
  return container;
}

describe('states', () => {
  it('announces loading', () => {
    const view = show(loadingView());
    expect(view.querySelector('[role="status"]')?.textContent).toBe('Loading…');
  });

  it('shows an error with a Retry that retries', () => {
    const retry = vi.fn();
    const view = show(errorView('Calls could not be loaded.', retry));
    expect(view.querySelector('[role="alert"] p')?.textContent).toBe('Calls could not be loaded.');
    view.querySelector('button')?.click();
    expect(retry).toHaveBeenCalledOnce();
  });

  it('offers no Retry when retrying cannot help', () => {
    expect(show(errorView('Open the modal again.')).querySelector('button')).toBeNull();
  });
});

describe('emit', () => {
  it('sends our events out of shadow roots', () => {
    const host = document.createElement('div');
    const inner = host.attachShadow({ mode: 'open' });
    render(html`<span></span>`, inner);
    document.body.append(host);
    const heard = vi.fn();
    document.body.addEventListener('cb-dial', (event) => {
      heard(event.detail);
    });
    emit(inner.querySelector('span')!, 'cb-dial', { phone: '+1' });
    expect(heard).toHaveBeenCalledWith({ phone: '+1' });
  });
});

import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

const entries = readdirSync(import.meta.dirname).filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'));

afterEach(() => {
  document.body.replaceChildren();
  vi.resetModules();
});

describe('placeholder entries', () => {
  it.each(entries)('%s renders into the template body', async (name) => {
    await import(`./${name}`);
    expect(document.body.querySelector('cb-call-list')).not.toBeNull();
  });
});

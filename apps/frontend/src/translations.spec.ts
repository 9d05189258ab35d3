import { describe, expect, it, vi } from 'vitest';
import { translationFor } from './translations';

// The French catalogue is a chunk of its own, which can fail to arrive. Modules load once per file: the failing load
// comes first.
const load = vi.hoisted(() => ({ failures: 0 }));
vi.mock('@callbridge/ui/i18n/fr', async (original: () => Promise<unknown>) => {
  if (load.failures > 0) {
    load.failures -= 1;
    throw new TypeError('Failed to fetch dynamically imported module');
  }
  return original();
});

describe('translationFor', () => {
  it('reads English when the translation does not load', async () => {
    load.failures = 1;
    expect(await translationFor('fr')).toEqual({});
  });

  it('loads French for French speakers, in any region', async () => {
    expect(await translationFor('fr')).toMatchObject({ retry: 'Réessayer' });
    expect(await translationFor('FR-ca')).toMatchObject({ retry: 'Réessayer' });
  });

  it('has none for other languages, or none given', async () => {
    expect(await translationFor('de')).toEqual({});
    expect(await translationFor(undefined)).toEqual({});
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { forms } from './en/forms';
import { fr } from './fr';
import { addStrings, currentLocale, setLanguage, t } from './t';

afterEach(() => setLanguage('en'));

describe('t', () => {
  it('reads English by default and fills in values', () => {
    expect(t('retry')).toBe('Retry');
    expect(t('error.start', { reason: 'no client' })).toBe('Callbridge could not start: no client');
  });

  it('leaves a placeholder it has no value for', () => {
    expect(t('error.start', {})).toBe('Callbridge could not start: {reason}');
  });

  it('speaks French to French speakers, in any region, and English where French has no string yet', () => {
    setLanguage('fr-CA', fr);
    expect(t('retry')).toBe('Réessayer');
    expect(t('cancel')).toBe('Cancel');
    expect(currentLocale()).toBe('fr-CA');
  });

  it('reads English for languages it does not know, or none', () => {
    setLanguage('de');
    expect(t('retry')).toBe('Retry');
    setLanguage(undefined);
    expect(t('retry')).toBe('Retry');
    expect(currentLocale()).toBe('en');
  });

  it('knows a surface’s strings once its group is added', () => {
    addStrings(forms);
    expect(t('form.notes')).toBe('Notes');
  });
});

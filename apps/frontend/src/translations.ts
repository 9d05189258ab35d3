import type { Catalogue } from '@callbridge/ui';

/** The catalogues beyond English, each loaded only for the reps who read it. */
const TRANSLATIONS: Readonly<Record<string, () => Promise<Catalogue>>> = {
  fr: async () => (await import('@callbridge/ui/i18n/fr')).fr,
};

/** The translation for a rep's language ("fr", "fr-CA"); none (English) for other languages, or when it cannot load. */
export async function translationFor(language: string | undefined): Promise<Catalogue> {
  const load = TRANSLATIONS[(language ?? '').slice(0, 2).toLowerCase()];
  return load ? load().catch(() => ({})) : {};
}

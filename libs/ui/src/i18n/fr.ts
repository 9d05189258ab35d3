import type { Catalogue } from './catalogue';

/** French, in part: the keys missing here read in English. */
export const fr: Catalogue = {
  loading: 'Chargement…',
  retry: 'Réessayer',
  call: 'Appeler',
  'calls.title': 'Appels récents',
  'calls.empty': 'Aucun appel.',
  'log.title': 'Consigner un appel',
  'log.opening': 'Ouverture du formulaire…',
  'calls.with': 'avec {name}',
  'phone.opening': 'Ouverture…',
  'form.loadFailed': 'Le formulaire ne s’est pas chargé. Vérifiez la connexion, puis réessayez.',
};

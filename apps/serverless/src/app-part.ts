import { iparams } from '@callbridge/contracts';
import type { ServerlessPart } from '@callbridge/core';

const BOTH = ['freshworks_crm', 'freshsales'] as const;

export const serverlessPart: ServerlessPart = {
  events: [
    { event: 'onAppInstall', handler: 'onAppInstall', products: BOTH },
    { event: 'onAppUninstall', handler: 'onAppUninstall', products: BOTH },
  ],
  functions: [],
  requestTemplates: [],
  iparams,
};

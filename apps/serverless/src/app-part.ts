import { iparams, SERVER_METHODS } from '@callbridge/contracts';
import type { AnyRequestTemplate, ServerlessPart } from '@callbridge/core';
import { CRM_TEMPLATES } from '@callbridge/crm-connector';
import { AIRCALL_TEMPLATES } from '@callbridge/phone-provider';

const BOTH = ['freshworks_crm', 'freshsales'] as const;
const CLASSIC = ['freshsales'] as const;

/** What the serverless project contributes to the app: every handler, server method and request template in server.js. */
export const serverlessPart: ServerlessPart<AnyRequestTemplate> = {
  events: [
    { event: 'onAppInstall', handler: 'onAppInstall', products: BOTH },
    { event: 'onAppUninstall', handler: 'onAppUninstall', products: BOTH },
    { event: 'onExternalEvent', handler: 'onExternalEvent', products: BOTH },
    { event: 'onScheduledEvent', handler: 'onScheduledEvent', products: BOTH },
    { event: 'onContactCreate', handler: 'onContactCreate', products: BOTH },
    { event: 'onContactUpdate', handler: 'onContactUpdate', products: BOTH },
    { event: 'onLeadCreate', handler: 'onLeadCreate', products: CLASSIC },
    { event: 'onLeadUpdate', handler: 'onLeadUpdate', products: CLASSIC },
    { event: 'onLeadDelete', handler: 'onLeadDelete', products: CLASSIC },
    { event: 'onDealCreate', handler: 'onDealCreate', products: BOTH },
    { event: 'onDealUpdate', handler: 'onDealUpdate', products: BOTH },
  ],
  functions: SERVER_METHODS.map((method) => ({ name: method.name, products: BOTH, ...(method.timeout !== undefined && { timeout: method.timeout }) })),
  requestTemplates: [...CRM_TEMPLATES, ...AIRCALL_TEMPLATES],
  iparams,
};

import { callbridgeModal, type ContactMatch } from '@callbridge/contracts';
import type { HostPort } from '@callbridge/core';
import { t } from '@callbridge/ui';
import { placeholderSettings } from './placeholder-settings';

/**
 * "Create contact from number" for an unknown caller, in the modal, with the installation's defaults: the contact (or
 * lead) created, or undefined when the rep closed the modal. `opening` is called as the modal opens. Loaded on the
 * rep's click, with the installation's settings, so the dial pad does not carry them.
 */
export async function createPlaceholderFor(host: HostPort, phone: string, opening: () => void): Promise<ContactMatch | undefined> {
  const settings = await placeholderSettings(host);
  opening();
  const result = await host.openModal(callbridgeModal, { title: t('create.title'), data: { form: 'create-contact', phone, ...settings } });
  return result?.form === 'create-contact' ? result.contact : undefined;
}

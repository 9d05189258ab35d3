import { createPlaceholderContact, normalizePhone, type ContactMatch } from '@callbridge/contracts';
import type { HostPort } from '@callbridge/core';
import type { CreateContactValues } from '@callbridge/ui';
import '@callbridge/ui/create-contact-form';

/**
 * The modal's "Create contact from number" mode: the form (registered by importing this module, which the modal loads
 * only in this mode) and the placeholder contact or lead.
 */
export async function saveContact(host: HostPort, phone: string, values: CreateContactValues): Promise<ContactMatch> {
  const normal = normalizePhone(phone);
  const { contact } = await host.callServer(createPlaceholderContact, {
    phone: normal.ok ? normal.e164 : phone,
    name: values.name,
    type: values.type === 'lead' ? 'lead' : 'contact',
  });
  return contact;
}

import { iparams } from '@callbridge/contracts';
import { HandlerFailure, parseIparamValues, type ProductName } from '@callbridge/core';

/** What the installation page decided, as the handlers need it. */
export interface Settings {
  autoCreateContacts: boolean;
  placeholderType: 'contact' | 'lead';
  placeholderName: string;
  attachToOpenDeal: boolean;
  /** Set only to pin an existing Aircall webhook instead of registering one. */
  webhookToken?: string;
}

// Only the values code reads; the credentials stay with the platform, which substitutes them into requests.
const { auto_create_contacts, placeholder_type_crm, placeholder_type_classic, placeholder_name, attach_to_open_deal, webhook_token } = iparams;
const READ = { auto_create_contacts, placeholder_type_crm, placeholder_type_classic, placeholder_name, attach_to_open_deal, webhook_token };

/** Reads the installation's settings for this product; a value the page would have refused is a 400 naming it. */
export function readSettings(raw: unknown, product: ProductName): Settings {
  const parsed = parseIparamValues(READ, raw, product);
  if (!parsed.ok) throw new HandlerFailure(400, `The installation settings need fixing: ${parsed.issues.map((i) => i.message).join('; ')}`);
  const values = parsed.values;
  const type = product === 'freshsales' ? values.placeholder_type_classic : values.placeholder_type_crm;
  const token = typeof values.webhook_token === 'string' ? values.webhook_token.trim() : '';
  return {
    autoCreateContacts: values.auto_create_contacts === true,
    placeholderType: type === 'lead' ? 'lead' : 'contact',
    placeholderName: typeof values.placeholder_name === 'string' ? values.placeholder_name.trim() || 'Unknown caller' : 'Unknown caller',
    attachToOpenDeal: values.attach_to_open_deal === true,
    ...(token && { webhookToken: token }),
  };
}

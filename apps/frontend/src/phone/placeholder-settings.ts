import { iparams } from '@callbridge/contracts';
import { createIparamReader, type HostPort } from '@callbridge/core';

/**
 * The create-contact form's defaults from the installation: the placeholder name, and the types a rep may create.
 * Contact always; lead too in Freshsales when the installation's placeholder type is lead (then it is the default).
 */
export async function placeholderSettings(host: HostPort): Promise<{ defaultName: string; allowedTypes: ('contact' | 'lead')[] }> {
  const reader = createIparamReader(iparams, host.iparams);
  const [defaultName, type] = await Promise.all([
    reader.get('placeholder_name'),
    host.product === 'freshsales' ? reader.get('placeholder_type_classic') : 'contact',
  ]);
  return { defaultName: defaultName ?? '', allowedTypes: type === 'lead' ? ['lead', 'contact'] : ['contact'] };
}

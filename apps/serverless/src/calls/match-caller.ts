import { phoneKey, type ContactMatch } from '@callbridge/contracts';
import type { CrmConnector } from '@callbridge/crm-connector';
import type { IndexedRecord, PhoneIndex } from '../store/phone-index';

export interface MatchDeps {
  crm: CrmConnector;
  index: PhoneIndex;
}

/**
 * Every contact and lead with this number (E.164): from the `$db` phone index when it knows the number, else from
 * the CRM's lookup, whose matches then go into the index. Never creates a record.
 */
export async function findMatches(e164: string, deps: MatchDeps, options: { skipIndex?: boolean } = {}): Promise<{ matches: ContactMatch[]; source: 'index' | 'crm' }> {
  const digits = phoneKey(e164);
  if (!digits) return { matches: [], source: 'crm' };
  if (!options.skipIndex) {
    const indexed = await deps.index.find(digits);
    if (indexed.length) return { matches: indexed.map((record) => ({ ...record, phone: e164 })), source: 'index' };
  }
  const { matchedContactInfo } = await deps.crm.findContact({ phoneNumber: e164 });
  for (const match of matchedContactInfo) await deps.index.add(digits, match);
  return { matches: matchedContactInfo, source: 'crm' };
}

/** The record a call from this number is logged against: the first match, contacts before leads. */
export async function matchCaller(
  e164: string,
  deps: MatchDeps,
  options: { skipIndex?: boolean } = {},
): Promise<{ record: IndexedRecord; source: 'index' | 'crm' } | undefined> {
  const { matches, source } = await findMatches(e164, deps, options);
  const first = matches[0];
  return first && { record: { type: first.type, id: first.id, name: first.name }, source };
}

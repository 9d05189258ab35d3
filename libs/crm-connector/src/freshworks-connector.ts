import { normalizePhone, phoneKey, type CallRecord, type ContactMatch, type DealSummary } from '@callbridge/contracts';
import { createRequester, type AnyRequestTemplate, type CallInput, type ProductName, type RateLimiter, type RequestApi, type Requester, type RequestPlatformVersion, type ResponseOf } from '@callbridge/core';
import { newestFirst, phoneCallBody, plainText, TARGETABLE_TYPES, toCallRecord } from './call-logs';
import type { CallLogTarget, ContactType, CrmConnector, ReferenceCache } from './connector';
import { CrmError, toCrmError } from './crm-error';
import { hasNumber, personName, splitName, toContactMatch } from './people';
import { createReferenceData } from './reference-data';
import { dealSchema, personSchema, phoneCallSchema, readItems, type Deal } from './schemas';
import { CRM_TEMPLATE_SETS } from './templates';

export interface FreshworksConnectorOptions {
  /** `$request` in serverless. */
  request: RequestApi;
  platformVersion: RequestPlatformVersion;
  product: ProductName;
  /** Keeps call outcome ids and deal stages between invocations. */
  cache?: ReferenceCache;
  /** None by default: the serverless sandbox has no timers, and the platform answers 429 itself. */
  limiter?: RateLimiter | false;
}

const CONTACT_TYPES: Readonly<Record<ProductName, readonly ContactType[]>> = { freshworks_crm: ['contact'], freshsales: ['contact', 'lead'] };
const PHONE_FIELDS = ['mobile_number', 'work_number'] as const;
const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;
/** A deal's or account's calls include those of at most this many of its contacts. */
const MAX_RELATED_CONTACTS = 10;

function checkId(id: number, what: string): number {
  if (!Number.isSafeInteger(id) || id <= 0) throw new CrmError('invalid', `${what} id ${String(id)} is not a record id`, 0);
  return id;
}

function e164Of(phoneNumber: string): string {
  const normal = normalizePhone(phoneNumber);
  if (!normal.ok) throw new CrmError('invalid', normal.message, 0);
  return normal.e164;
}

/** Freshworks CRM or Freshsales Classic through their REST APIs, as a CrmConnector. */
export function createFreshworksConnector(options: FreshworksConnectorOptions): CrmConnector {
  const { product } = options;
  const templates = CRM_TEMPLATE_SETS[product];
  const requester: Requester<AnyRequestTemplate> = createRequester({ api: options.request, platformVersion: options.platformVersion, templates: Object.values(templates), limiter: options.limiter ?? false });

  async function call<T extends AnyRequestTemplate>(template: T, input: CallInput, what: string): Promise<ResponseOf<T>> {
    try {
      return (await requester.call(template.name, input)) as ResponseOf<T>;
    } catch (error) {
      throw toCrmError(error, what);
    }
  }

  const reference = createReferenceData({
    cache: options.cache,
    async outcomes() {
      const { sales_activity_types: types } = await call(templates.activityTypes, {}, 'read activity types');
      const phone = types.find((t) => t.internal_name === 'cphone');
      if (!phone) return {};
      const { sales_activity_outcomes: outcomes } = await call(templates.activityOutcomes, { context: { id: phone.id } }, 'read call outcomes');
      return Object.fromEntries(outcomes.flatMap((o) => (o.name ? [[o.name.trim().toLowerCase(), o.id]] : [])));
    },
    async stages() {
      const { deal_stages: stages } = await call(templates.dealStages, {}, 'read deal stages');
      return Object.fromEntries(stages.map((s) => [String(s.id), s.forecast_type === 'Open' ? 1 : 0]));
    },
  });

  async function isOpen(deal: Deal): Promise<boolean> {
    if (deal.forecast_type) return deal.forecast_type === 'Open';
    const byStage = typeof deal.deal_stage_id === 'number' ? await reference.isOpenStage(deal.deal_stage_id) : undefined;
    return byStage ?? !deal.closed_date;
  }

  async function callsOf(type: keyof typeof TARGETABLE_TYPES, id: number, perPage: number): Promise<CallRecord[]> {
    const context = { targetable_type: TARGETABLE_TYPES[type], targetable_id: id, per_page: perPage };
    try {
      const { phone_calls: calls } = await call(templates.listPhoneCalls, { context }, `list the calls of ${type} ${id}`);
      return readItems(phoneCallSchema, calls).map((c) => toCallRecord(c));
    } catch (error) {
      // The public API documents no call list (the emulator serves one): a 404 means "none we can show".
      if (error instanceof CrmError && error.kind === 'not_found') return [];
      throw error;
    }
  }

  /** The contacts of a deal or account, by id, with their names where the CRM sent their records. */
  async function relatedContacts(type: 'deal' | 'sales_account', id: number): Promise<Map<number, string | undefined>> {
    if (type === 'deal') {
      const { deal, contacts } = await call(templates.getDealContacts, { context: { id } }, `read deal ${id}`);
      const people = readItems(personSchema, contacts);
      return new Map<number, string | undefined>([...(deal.contact_ids ?? []).map((contactId): [number, undefined] => [contactId, undefined]), ...people.map((c): [number, string] => [c.id, personName(c)])]);
    }
    const { contacts } = await call(templates.getAccountContacts, { context: { id } }, `read sales account ${id}`);
    return new Map(readItems(personSchema, contacts).map((c) => [c.id, personName(c)]));
  }

  return {
    product,
    contactTypes: CONTACT_TYPES[product],

    async findContact({ phoneNumber }) {
      const e164 = e164Of(phoneNumber);
      const key = phoneKey(e164)!;
      const entities = product === 'freshsales' ? 'contact,lead' : 'contact';
      const answers = await Promise.all(PHONE_FIELDS.map((f) => call(templates.lookup, { context: { q: e164, f, entities } }, `look up ${e164}`)));
      const found = new Map<string, ContactMatch>();
      for (const answer of answers) {
        const people = [
          ...readItems(personSchema, answer.contacts?.contacts).map((p) => [p, 'contact'] as const),
          ...readItems(personSchema, answer.leads?.leads).map((p) => [p, 'lead'] as const),
        ];
        // The lookup matches stored text; keep only records whose number really is this one.
        for (const [person, type] of people) if (hasNumber(person, key)) found.set(`${type}:${person.id}`, toContactMatch(person, type, e164));
      }
      // Contacts before leads: an automatic log goes to the first match.
      const matches = [...found.values()].sort((a, b) => Number(a.type === 'lead') - Number(b.type === 'lead'));
      return { successful: true, matchedContactInfo: matches };
    },

    async createContact({ phoneNumber, newContactName, newContactType }) {
      const e164 = e164Of(phoneNumber);
      const name = plainText(newContactName).trim();
      if (!name) throw new CrmError('invalid', 'A placeholder contact needs a name', 0);
      const fields = { ...splitName(name), mobile_number: e164 };
      if (newContactType === 'lead') {
        if (!templates.createLead) throw new CrmError('invalid', 'Freshworks CRM has no leads: create a contact instead', 0);
        const { lead } = await call(templates.createLead, { body: { lead: fields } }, `create a lead for ${e164}`);
        return { contactInfo: { id: lead.id, type: 'lead', name: personName(lead) }, returnMessage: { message: 'Lead created', messageType: 'success', ttl: 3000 } };
      }
      const { contact } = await call(templates.createContact, { body: { contact: fields } }, `create a contact for ${e164}`);
      return { contactInfo: { id: contact.id, type: 'contact', name: personName(contact) }, returnMessage: { message: 'Contact created', messageType: 'success', ttl: 3000 } };
    },

    async createCallLog(input) {
      const target: CallLogTarget = input.contactInfo;
      checkId(target.id, target.type);
      if (target.type === 'lead' && product !== 'freshsales') throw new CrmError('invalid', 'Freshworks CRM has no leads to log a call against', 0);
      const outcomeId = input.callLog.outcome ? await reference.outcomeId(input.callLog.outcome) : undefined;
      const answer = await call(templates.createPhoneCall, { body: phoneCallBody(input, outcomeId) }, `log the call against ${target.type} ${target.id}`);
      const callLog = toCallRecord(answer.phone_call, answer);
      return { logId: callLog.id, callLog };
    },

    async getCallLog({ logId }) {
      if (!/^\d{1,20}$/.test(logId)) throw new CrmError('invalid', `"${logId}" is not a call log id`, 0);
      const answer = await call(templates.getPhoneCall, { context: { id: logId } }, `read call log ${logId}`);
      return { callLogInfo: toCallRecord(answer.phone_call, answer) };
    },

    async listCallLogs({ record, limit }) {
      checkId(record.id, record.type);
      const count = Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit ?? DEFAULT_LIMIT)));
      const sources: [keyof typeof TARGETABLE_TYPES, number][] = [[record.type, record.id]];
      let names = new Map<number, string | undefined>();
      if (record.type === 'deal' || record.type === 'sales_account') {
        names = await relatedContacts(record.type, record.id);
        sources.push(...[...names.keys()].slice(0, MAX_RELATED_CONTACTS).map((id): ['contact', number] => ['contact', id]));
      }
      const lists = await Promise.all(sources.map(([type, id]) => callsOf(type, id, count)));
      // A deal's and an account's calls are with several people: each call with a contact names them.
      const named = newestFirst(lists.flat()).map((c) => {
        const name = c.target?.type === 'contact' ? names.get(c.target.id) : undefined;
        return name === undefined ? c : { ...c, target: { ...c.target!, name } };
      });
      return { calls: named.slice(0, count) };
    },

    async getOpenDeals({ contactId }) {
      checkId(contactId, 'contact');
      const { deals } = await call(templates.getContactDeals, { context: { id: contactId } }, `read the deals of contact ${contactId}`);
      const open: DealSummary[] = [];
      for (const deal of readItems(dealSchema, deals)) {
        if (await isOpen(deal)) open.push({ id: deal.id, name: deal.name?.trim() || `Deal ${deal.id}` });
      }
      return { deals: open };
    },
  };
}

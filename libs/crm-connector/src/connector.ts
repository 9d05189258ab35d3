import type { CallRecord, CallbridgeRecordRef, ContactMatch, DealSummary } from '@callbridge/contracts';
import type { ProductName } from '@callbridge/core';

/*
 * The connector's shapes follow RingCentral App Connect's connector interface (findContact, createContact,
 * createCallLog, getCallLog; reference/app-connect-create-contact.txt) so the same code can later serve as an App
 * Connect connector. App Connect passes `user` and `authHeader`; here the platform fills in the API key, so neither
 * appears.
 */

export type ContactType = 'contact' | 'lead';

export interface FindContactInput {
  /** Any common form; matched by its normalised digits. */
  phoneNumber: string;
}

/** App Connect's `{successful, matchedContactInfo}`; finding never creates anything. */
export interface FindContactResult {
  successful: true;
  matchedContactInfo: ContactMatch[];
}

export interface CreateContactInput {
  /** E.164, e.g. +14155550111. */
  phoneNumber: string;
  newContactName: string;
  /** One of the connector's `contactTypes`. */
  newContactType: ContactType;
}

export interface ContactInfo {
  id: number;
  type: ContactType;
  name: string;
}

export interface CreateContactResult {
  contactInfo: ContactInfo;
  returnMessage: { message: string; messageType: 'success' | 'warning' | 'danger'; ttl: number };
}

/** What a call log is written against. */
export interface CallLogTarget {
  id: number;
  type: 'contact' | 'lead' | 'deal';
  name?: string;
}

export interface CallLogDetails {
  direction: 'inbound' | 'outbound';
  /** One of the contracts' CALL_OUTCOMES (or any outcome the CRM knows by name). */
  outcome: string;
  durationSeconds: number;
  /** The other party, E.164. */
  phoneNumber?: string;
}

export interface CreateCallLogInput {
  contactInfo: CallLogTarget;
  callLog: CallLogDetails;
  note?: string;
}

export interface CreateCallLogResult {
  logId: string;
  /** The log as the CRM stored it. */
  callLog: CallRecord;
}

export interface GetCallLogResult {
  callLogInfo: CallRecord;
}

export interface ListCallLogsInput {
  record: CallbridgeRecordRef;
  /** At most this many calls, newest first; 25 by default, 100 at most. */
  limit?: number;
}

export interface CrmConnector {
  readonly product: ProductName;
  /** The record types a placeholder contact may be created as, App Connect's `contactTypes`. */
  readonly contactTypes: readonly ContactType[];
  /** Contacts (and, in Freshsales, leads) whose mobile or work number is this number. */
  findContact(input: FindContactInput): Promise<FindContactResult>;
  /** A placeholder contact or lead with the number as its mobile number. */
  createContact(input: CreateContactInput): Promise<CreateContactResult>;
  createCallLog(input: CreateCallLogInput): Promise<CreateCallLogResult>;
  getCallLog(input: { logId: string }): Promise<GetCallLogResult>;
  /**
   * Calls logged against a record, newest first: a deal's include its contacts' calls, a sales account's its
   * contacts' calls, each naming the contact it was with (`target.name`), as their calls mix several people's.
   */
  listCallLogs(input: ListCallLogsInput): Promise<{ calls: CallRecord[] }>;
  /** The contact's deals whose stage is open. */
  getOpenDeals(input: { contactId: number }): Promise<{ deals: DealSummary[] }>;
}

/**
 * Where the connector may keep reference data it reads rarely (call outcome ids, deal stages) between invocations,
 * e.g. `$db` with a TTL. Failures to read or write are ignored: the data is read again from the CRM.
 */
export interface ReferenceCache {
  get(name: string): Promise<Record<string, number> | undefined>;
  set(name: string, value: Record<string, number>): Promise<void>;
}

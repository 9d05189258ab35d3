export { iparams } from './iparams';
export type { CallbridgeIparams } from './iparams';
export { CALL_OUTCOMES, callRecordSchema, callTargetSchema, contactMatchSchema, dealSummarySchema, recordRefSchema } from './calls';
export type { CallRecord, CallTarget, CallbridgeRecordRef, ContactMatch, DealSummary } from './calls';
export { SERVER_METHODS, createPlaceholderContact, dial, findByPhone, listCalls, logCall, openDeals } from './server-methods';
export { callbridgeModal } from './modal';
export { normalizePhone, phoneKey } from './phone';
export type { PhoneResult } from './phone';

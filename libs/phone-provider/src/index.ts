export type { PhoneProvider, PhoneCall, PhoneCallState, PhoneEvent, ReadEventResult, WebhookRegistration, CallPage, ListCallsInput, SearchCallsInput, DialInput } from './provider';
export { PhoneProviderError } from './phone-error';
export type { PhoneErrorKind } from './phone-error';
export { tokensMatch } from './token';
export { phoneCallToCallRecord } from './call-record';
export { createAircallProvider, AIRCALL_WEBHOOK_EVENTS } from './aircall/aircall-provider';
export type { AircallProviderOptions } from './aircall/aircall-provider';
export { AIRCALL_TEMPLATES } from './aircall/templates';
export { AIRCALL_CREDENTIALS_MESSAGE } from './aircall/errors';

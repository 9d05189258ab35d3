export { PRODUCTS, PLACEHOLDERS, isProductName, isPlaceholderOf } from './platform/products';
export type { ProductName, PlaceholderName } from './platform/products';
export { APP_EVENTS, PRODUCT_EVENTS, isEventOf, eventTimeoutMs, SERVER_METHOD_NAME } from './platform/events';
export type { EventName } from './platform/events';
export { INTERFACE_LIMITS } from './platform/client';
export type * from './platform/client';
export type * from './platform/server-globals';
export { checkIparams, defineIparams, isIparamInProduct, IparamDefinitionError, IPARAM_TYPES, SECRET_LOOKING_NAME } from './iparams/definition';
export type { IparamDefinition, IparamDefinitions, IparamType, IparamValues, PublicIparamName, SecureIparamName, DataBind } from './iparams/definition';
export { fromIparamsJson, toIparamsJson, iparamsDifferByProduct, secureIparamNames } from './iparams/config';
export type { IparamJson } from './iparams/config';
export { parseIparamValues, publicIparamValues } from './iparams/values';
export type { IparamIssue, IparamParseResult } from './iparams/values';
export { createIparamReader, SecureIparamError } from './iparams/reader';
export type { IparamReader, IparamSource } from './iparams/reader';
export { AppDefinitionError, checkAppDefinition, defineApp, productView } from './app/definition';
export type {
  AppDefinition,
  EventDefinition,
  FrontendPart,
  ModalDefinition,
  PlaceholderDefinition,
  PlatformVersion,
  ProductView,
  RequestTemplateRef,
  ServerlessPart,
  ServerMethodDefinition,
} from './app/definition';
export { defineServerMethodContract } from './app/server-method';
export type { ServerMethodContract } from './app/server-method';
export { ServerMethodError } from './host/port';
export { createFdkHost, HostError } from './host/fdk-host';
export type { HostPort, HostUser, RecordRef } from './host/port';
export { defineMessages } from './messaging/contract';
export type { MessageContract, MessageDefinitions, RequestDefinition, BroadcastType, RequestType } from './messaging/contract';
export { defineModal } from './messaging/modal-contract';
export type { ModalContract, ModalInput, ModalResult } from './messaging/modal-contract';
export { createMessenger } from './messaging/messenger';
export type { Messenger, RequestOptions } from './messaging/messenger';
export type { RequestMeta } from './messaging/request-reply';
export { openModal } from './messaging/open-modal';
export type { OpenModalOptions } from './messaging/open-modal';
export { modalSession } from './messaging/modal-session';
export type { ModalSession } from './messaging/modal-session';
export { MessagingError } from './messaging/errors';
export type { MessagingErrorCode } from './messaging/errors';
export { defineRequestTemplate } from './request/define-request-template';
export type { RequestTemplate, RequestTemplateDefinition, RequestTemplateOptions, AnyRequestTemplate, ResponseOf } from './request/define-request-template';
export type { RequestTemplateSchema, TemplateMethod } from './request/compile-template';
export { toRequestsJson, toManifestRequests, readRequestsJson } from './request/requests-json';
export type { RequestsJson, RequestsJsonEntry, ManifestRequests, RequestsJsonConfig, DeclaredTemplate } from './request/requests-json';
export { createRequester } from './request/requester';
export type { Requester, RequesterOptions, RequestPlatformVersion, CallResult } from './request/requester';
export type { CallInput } from './request/call-input';
export { errorBody, RequestError } from './request/request-error';
export type { RequestErrorSource } from './request/request-error';
export { RequestTemplateError } from './request/request-template-error';
export { createRateLimiter } from './request/rate-limiter';
export type { RateLimiter, RateLimiterOptions } from './request/rate-limiter';
export { REQUEST_LIMITS, isRetryableStatus, parseRetryAfter, retryDelayMs } from './request/request-limits';
export { renderRequest } from './request/render-request';
export type { RenderedRequest, RenderMode } from './request/render-request';
export type { ResponseSchema } from './request/response-schema';
export { PAYLOAD_SCHEMAS, EVENT_RECORD_KEY } from './server/payloads/schemas';
export type { EventPayload, PayloadSchemas, RecordEventName } from './server/payloads/schemas';
export { parsePayload, parseWith, PayloadError } from './server/payloads/parse';
export type { PayloadParseResult } from './server/payloads/parse';
export { summarizeIssues } from './server/payloads/issues';
export type { PayloadIssue } from './server/payloads/issues';
export { recordOf, changesOf, hasChanged, recordPhones, recordName } from './server/payloads/record-access';
export type { ChangePair } from './server/payloads/record-access';
export { REGIONS, eventTime, domainHost } from './server/payloads/envelope';
export type { Region } from './server/payloads/envelope';
export { fieldValue, isWrappedField } from './server/payloads/fields';
export type { WrappedField } from './server/payloads/fields';
export type { ContactRecordPayload, LeadRecordPayload, DealRecordPayload, SalesAccountRecordPayload } from './server/payloads/records';
export type { ModelChanges } from './server/payloads/changes';
export { productOf, forProduct, crmApiBaseUrl, ProductContextError } from './server/product/product-of';
export type { ProductCarrier } from './server/product/product-of';
export { HandlerFailure } from './server/failure';
export { defineHandler } from './server/handler/define-handler';
export type { HandlerContext, HandlerBody, PlatformHandler } from './server/handler/define-handler';
export { defineServerMethod, implementServerMethod } from './server/handler/server-method';
export type { InvocationContext, ServerMethodBody } from './server/handler/server-method';
export type { ServerContext, ServerOptions } from './server/handler/context';
export { redact, createRedactor, REDACTED } from './server/handler/redact';
export type { Redactor, SecureIparams } from './server/handler/redact';
export type { HandlerLogger, LogSink } from './server/handler/logger';
export { serverGlobals, MissingGlobalError } from './server/handler/globals';
export { toHandlerError } from './server/handler/to-handler-error';
export { isPlatformError } from './server/handler/platform-error';
export { dbKey } from './server/db/key';
export type { DbKeyPart } from './server/db/key';
export { dbSet, dbGet, dbDelete, setIfAbsent } from './server/db/store';
export type { DbCallOptions, DbWriteOptions } from './server/db/store';
export { defineDbRecord } from './server/db/record';
export type { DbRecord, DbId, DbRecordWriteOptions } from './server/db/record';
export { checkDbItem, normaliseDbValue } from './server/db/value';
export { DB_LIMITS, DB_MESSAGES } from './server/db/limits';
export type { DbLimitOptions } from './server/db/limits';
export { DbLimitError, DbValueError, isRecordNotFound, isSetIfConflict } from './server/db/errors';
export { checkSchedule, scheduleAtFromNow, ScheduleError, SCHEDULE_LIMITS, TIME_UNIT_MINUTES } from './server/schedule/rules';
export { createSchedule, deleteSchedule } from './server/schedule/calls';
export { ensureRecurringSchedule } from './server/schedule/recurring';
export type { Every, EnsureOutcome, EnsureOptions } from './server/schedule/recurring';
export { checkTriggerArgs, isInterfaceAction, INTERFACE_ACTIONS, NOTIFY_TYPES } from './platform/interface-args';

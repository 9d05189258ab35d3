export { PRODUCTS, PLACEHOLDERS, isProductName, isPlaceholderOf } from './platform/products';
export type { ProductName, PlaceholderName } from './platform/products';
export { APP_EVENTS, PRODUCT_EVENTS, isEventOf, eventTimeoutMs, SERVER_METHOD_NAME } from './platform/events';
export type { EventName } from './platform/events';
export { INTERFACE_LIMITS } from './platform/client';
export type * from './platform/client';
export type * from './platform/server-globals';
export { defineIparams, isIparamInProduct, IparamDefinitionError, IPARAM_TYPES, SECRET_LOOKING_NAME } from './iparams/definition';
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
export type { HostPort, HostUser, ModalContract, RecordRef } from './host/port';

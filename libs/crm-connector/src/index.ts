export type {
  CrmConnector,
  ContactType,
  ContactInfo,
  FindContactInput,
  FindContactResult,
  CreateContactInput,
  CreateContactResult,
  CallLogTarget,
  CallLogDetails,
  CreateCallLogInput,
  CreateCallLogResult,
  GetCallLogResult,
  ListCallLogsInput,
  ReferenceCache,
} from './connector';
export { createFreshworksConnector } from './freshworks-connector';
export type { FreshworksConnectorOptions } from './freshworks-connector';
export { CrmError, CRM_CREDENTIALS_MESSAGE } from './crm-error';
export type { CrmErrorKind } from './crm-error';
export { CRM_TEMPLATES, CRM_TEMPLATE_SETS } from './templates';
export { splitName } from './people';

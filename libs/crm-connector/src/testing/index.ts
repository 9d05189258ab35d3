export { createCrmMock, DEAL_STAGES, CALL_OUTCOME_IDS } from './crm-mock';
export type { CrmMock, CrmMockOptions, CrmOutage, CrmRecord } from './crm-mock';

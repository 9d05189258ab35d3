import { json, type Router } from '../../http/router';
import { CALL_OUTCOMES, DEAL_PIPELINES, DEAL_STAGES, SALES_ACTIVITY_TYPES } from '../seed';
import { crmError } from './errors';
import { apiUser, type ApiScope } from './scope';

/** The admin lookups (`/selector/...`) an app reads ids from: owners, deal stages and pipelines, activity types and outcomes. */
export function registerSelectors(router: Router, scope: ApiScope): void {
  router.get('/selector/owners', () => json({ users: scope.store.users.map(apiUser) }));
  router.get('/selector/deal_stages', () => json({ deal_stages: DEAL_STAGES }));
  router.get('/selector/deal_pipelines', () => json({ deal_pipelines: DEAL_PIPELINES }));
  router.get('/selector/sales_activity_types', () => json({ sales_activity_types: SALES_ACTIVITY_TYPES }));
  router.get('/selector/sales_activity_types/:id/sales_activity_outcomes', (_request, params) => {
    const type = SALES_ACTIVITY_TYPES.find((t) => String(t.id) === params.id);
    if (!type) return crmError(404, `Sales activity type ${params.id} does not exist.`);
    return json({ sales_activity_outcomes: type.internal_name === 'cphone' ? CALL_OUTCOMES : [] });
  });
}

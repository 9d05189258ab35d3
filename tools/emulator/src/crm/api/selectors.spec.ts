import { describe, expect, it } from 'vitest';
import { crmFixture, read } from './spec-helpers';

describe('selectors', () => {
  it('answer owners, deal stages and pipelines, activity types and the phone outcomes', async () => {
    const crm = crmFixture('freshworks_crm');
    const { users } = await read<{ users: { id: number; is_active: boolean }[] }>(await crm.call('GET', '/selector/owners'));
    expect(users.map((u) => u.id)).toEqual([1001, 1002]);
    const { deal_stages } = await read<{ deal_stages: { forecast_type: string }[] }>(await crm.call('GET', '/selector/deal_stages'));
    expect(new Set(deal_stages.map((s) => s.forecast_type))).toEqual(new Set(['Open', 'Won', 'Lost']));
    expect((await read<{ deal_pipelines: unknown[] }>(await crm.call('GET', '/selector/deal_pipelines'))).deal_pipelines).toHaveLength(1);
    const { sales_activity_types } = await read<{ sales_activity_types: { id: number; internal_name: string }[] }>(await crm.call('GET', '/selector/sales_activity_types'));
    const phone = sales_activity_types.find((t) => t.internal_name === 'cphone')!;
    const outcomes = await read<{ sales_activity_outcomes: { name: string }[] }>(await crm.call('GET', `/selector/sales_activity_types/${phone.id}/sales_activity_outcomes`));
    expect(outcomes.sales_activity_outcomes.map((o) => o.name)).toContain('Connected');
    const meeting = await read<{ sales_activity_outcomes: unknown[] }>(await crm.call('GET', '/selector/sales_activity_types/902/sales_activity_outcomes'));
    expect(meeting.sales_activity_outcomes).toEqual([]);
    expect((await crm.call('GET', '/selector/sales_activity_types/1/sales_activity_outcomes')).status).toBe(404);
  });
});

import type { ProductName } from '@callbridge/core';
import type { CallOutcome, CrmAccount, CrmUser, DealPipeline, DealStage, Entity, SalesActivityType, StoredRecord } from './types';

const SEED_TIME = '2026-11-02T09:00:00Z';

export function accountFor(product: ProductName): CrmAccount {
  return product === 'freshworks_crm'
    ? { product, accountId: '1967183444532229946', domain: 'acme.myfreshworks.com', apiBase: 'https://acme.myfreshworks.com/crm/sales/api', apiKey: 'fake-crm-key', region: 'US' }
    : { product, accountId: '1967183444532229947', domain: 'acme.freshsales.io', apiBase: 'https://acme.freshsales.io/api', apiKey: 'fake-classic-key', region: 'US' };
}

export const SEED_USERS: readonly CrmUser[] = [
  { id: 1001, display_name: 'Riya Rep', email: 'riya@acme.example', language: 'en', time_zone: 'UTC', work_number: '+14155550101', mobile_number: null },
  { id: 1002, display_name: 'Sam Supervisor', email: 'sam@acme.example', language: 'en', time_zone: 'UTC', work_number: null, mobile_number: null },
];

export const DEAL_PIPELINES: readonly DealPipeline[] = [{ id: 701, name: 'Default Pipeline', is_default: true, position: 1 }];

/** The default pipeline's stages; a new deal without a stage starts in the first. */
export const DEAL_STAGES: readonly DealStage[] = [
  { id: 711, name: 'New', position: 1, forecast_type: 'Open', deal_pipeline_id: 701, probability: 10 },
  { id: 712, name: 'Qualification', position: 2, forecast_type: 'Open', deal_pipeline_id: 701, probability: 20 },
  { id: 713, name: 'Demo', position: 3, forecast_type: 'Open', deal_pipeline_id: 701, probability: 40 },
  { id: 714, name: 'Negotiation', position: 4, forecast_type: 'Open', deal_pipeline_id: 701, probability: 70 },
  { id: 715, name: 'Won', position: 5, forecast_type: 'Won', deal_pipeline_id: 701, probability: 100 },
  { id: 716, name: 'Lost', position: 6, forecast_type: 'Lost', deal_pipeline_id: 701, probability: 0 },
];

/** Outcomes of the phone sales activity type (`cphone`); a phone call's `outcome_id` is one of these. */
export const CALL_OUTCOMES: readonly CallOutcome[] = [
  { id: 801, name: 'Connected', position: 1 },
  { id: 802, name: 'No answer', position: 2 },
  { id: 803, name: 'Busy', position: 3 },
  { id: 804, name: 'Left voicemail', position: 4 },
  { id: 805, name: 'Wrong number', position: 5 },
  { id: 806, name: 'Interested', position: 6 },
];

export const SALES_ACTIVITY_TYPES: readonly SalesActivityType[] = [
  { id: 901, name: 'Phone', internal_name: 'cphone', is_default: true },
  { id: 902, name: 'Meeting', internal_name: 'cmeeting', is_default: false },
];

const rec = (id: number, fields: Record<string, unknown>): StoredRecord => ({ id, created_at: SEED_TIME, updated_at: SEED_TIME, ...fields });

const contact = (id: number, first: string, last: string, email: string, mobile: string | null, work: string | null, accountId: number | null) =>
  rec(id, {
    first_name: first,
    last_name: last,
    display_name: `${first} ${last}`,
    email,
    mobile_number: mobile,
    work_number: work,
    job_title: null,
    owner_id: 1001,
    sales_account_id: accountId,
  });

/** Realistic records each product starts with; every number is unique so caller match has one answer per number. */
export function seedRecords(product: ProductName): Record<Entity, StoredRecord[]> {
  const sales_accounts = [
    rec(301, { name: 'Globex Corporation', phone: '+14155550300', website: 'globex.example', owner_id: 1001 }),
    rec(302, { name: 'Initech', phone: '+442079460301', website: 'initech.example', owner_id: 1001 }),
    rec(303, { name: 'Umbrella Health', phone: null, website: 'umbrella.example', owner_id: 1002 }),
  ];
  const contacts = [
    contact(101, 'Ada', 'Lovelace', 'ada@globex.example', '+14155550111', '+14155550112', 301),
    contact(102, 'Grace', 'Hopper', 'grace@globex.example', '+14155550121', null, 301),
    contact(103, 'Alan', 'Turing', 'alan@initech.example', '+442079460131', null, 302),
    contact(104, 'Katherine', 'Johnson', 'katherine@initech.example', null, '+442079460141', 302),
    contact(105, 'Margaret', 'Hamilton', 'margaret@umbrella.example', '+16175550151', null, 303),
    contact(106, 'Linus', 'Pauling', 'linus@example.com', '+16175550161', null, null),
  ];
  const deals = [
    rec(401, { name: 'Globex renewal 2027', amount: 48000, sales_account_id: 301, contact_ids: [101, 102], deal_stage_id: 714, deal_stage: 'Negotiation', deal_pipeline_id: 701, forecast_type: 'Open', owner_id: 1001 }),
    rec(402, { name: 'Initech pilot', amount: 12000, sales_account_id: 302, contact_ids: [103], deal_stage_id: 712, deal_stage: 'Qualification', deal_pipeline_id: 701, forecast_type: 'Open', owner_id: 1001 }),
    rec(403, { name: 'Initech 2025 licence', amount: 9000, sales_account_id: 302, contact_ids: [103, 104], deal_stage_id: 715, deal_stage: 'Won', deal_pipeline_id: 701, forecast_type: 'Won', closed_date: '2025-12-15', owner_id: 1002 }),
    rec(404, { name: 'Umbrella clinics', amount: 30000, sales_account_id: 303, contact_ids: [105], deal_stage_id: 713, deal_stage: 'Demo', deal_pipeline_id: 701, forecast_type: 'Open', owner_id: 1001 }),
  ];
  const leads =
    product === 'freshsales'
      ? [
          rec(501, { first_name: 'Hedy', last_name: 'Lamarr', display_name: 'Hedy Lamarr', email: 'hedy@example.org', mobile_number: '+13105550501', work_number: null, company: { name: 'Frequency Labs' }, owner_id: 1001 }),
          rec(502, { first_name: 'Claude', last_name: 'Shannon', display_name: 'Claude Shannon', email: 'claude@example.org', mobile_number: '+13105550502', work_number: null, company: { name: 'Bell Works' }, owner_id: 1001 }),
        ]
      : [];
  const call = (id: number, targetable_type: 'Contact' | 'Lead', targetable_id: number, incoming: boolean, duration: number, at: string, outcome: string, note: string) =>
    rec(id, { call_direction: incoming, targetable_type, targetable_id, call_duration: duration, outcome, outcome_id: CALL_OUTCOMES.find((o) => o.name === outcome)?.id ?? null, note: { description: note }, created_at: at, updated_at: at, user_id: 1001 });
  const phone_calls = [
    call(601, 'Contact', 101, true, 312, '2026-11-16T14:05:00Z', 'Connected', 'Asked about renewal pricing'),
    call(602, 'Contact', 101, false, 0, '2026-11-18T10:30:00Z', 'No answer', ''),
    call(603, 'Contact', 102, false, 95, '2026-11-19T16:45:00Z', 'Connected', 'Sent the deck'),
    call(604, 'Contact', 103, true, 1260, '2026-11-12T08:10:00Z', 'Connected', 'Pilot scope agreed'),
  ];
  if (product === 'freshsales') phone_calls.push(call(605, 'Lead', 501, true, 45, '2026-11-17T11:00:00Z', 'Connected', 'Wants a demo'));
  return { contacts, leads, deals, sales_accounts, phone_calls, notes: [] };
}

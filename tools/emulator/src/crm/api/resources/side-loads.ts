import { DEAL_STAGES } from '../../seed';
import type { StoredRecord } from '../../types';
import { apiUser, findUser, type ApiScope } from '../scope';
import type { SideLoad } from './resource';

const ids = (value: unknown): number[] => (Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : []);

const byId = (scope: ApiScope, entity: 'sales_accounts' | 'contacts', id: unknown): StoredRecord[] => {
  const record = typeof id === 'number' ? scope.store.get(scope.product, entity, id) : undefined;
  return record ? [record] : [];
};

export const owner: SideLoad = {
  key: 'users',
  load: (record, scope) => {
    const user = findUser(scope, record.owner_id);
    return user ? [apiUser(user)] : [];
  },
};

export const salesAccountOfRecord: SideLoad = { key: 'sales_accounts', load: (record, scope) => byId(scope, 'sales_accounts', record.sales_account_id) };

export const dealsOfContact: SideLoad = {
  key: 'deals',
  load: (record, scope) => scope.store.list(scope.product, 'deals').filter((deal) => ids(deal.contact_ids).includes(record.id)),
};

export const contactsOfDeal: SideLoad = {
  key: 'contacts',
  load: (record, scope) => ids(record.contact_ids).flatMap((id) => byId(scope, 'contacts', id)),
};

export const contactsOfAccount: SideLoad = {
  key: 'contacts',
  load: (record, scope) => scope.store.list(scope.product, 'contacts').filter((contact) => contact.sales_account_id === record.id),
};

export const dealsOfAccount: SideLoad = {
  key: 'deals',
  load: (record, scope) => scope.store.list(scope.product, 'deals').filter((deal) => deal.sales_account_id === record.id),
};

export const dealStageOf: SideLoad = { key: 'deal_stages', load: (record) => DEAL_STAGES.filter((stage) => stage.id === record.deal_stage_id) };

export { ids as recordIds };

import type { ClientData, DataObjectName, DataObjects, EntityType, LoggedInUser, PlatformError } from '../../platform/client';
import { copy, later, platformError, rejectWith } from './errors';
import type { FakeInstance } from './registry';
import type { SeedRecords } from './seed';

/** What `data.get` reads: the page's records, the user and the domain, changeable per test. */
export interface DataSeed {
  records: SeedRecords;
  loggedInUser: LoggedInUser;
  /** Per product: an omni app sees the domain of the product it runs in. */
  domainName(instance: FakeInstance): string;
}

const ENTITY_TYPES: readonly EntityType[] = ['contact', 'deal', 'sales_account', 'lead'];

function isEntityType(name: string): name is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(name);
}

type Lookup = { value: unknown } | { error: PlatformError };

function objectOf(name: string, instance: FakeInstance, seed: DataSeed): Lookup {
  if (name === 'loggedInUser') return { value: seed.loggedInUser };
  if (name === 'domainName') return { value: seed.domainName(instance) };
  if (name === 'currentEntityInfo') {
    if (instance.page === undefined) {
      return { error: platformError(400, `data.get("currentEntityInfo") is available on record pages only, not in ${instance.location}.`) };
    }
    return { value: { currentEntityId: seed.records[instance.page].id, currentEntityType: instance.page } };
  }
  if (isEntityType(name)) {
    if (name === 'lead' && instance.product !== 'freshsales') {
      return { error: platformError(400, `data.get("lead"): leads exist only in Freshsales Classic (freshsales), not in ${instance.product}.`) };
    }
    if (instance.page !== name) {
      return { error: platformError(400, `data.get("${name}") works on the ${name} page; this instance is in ${instance.location}.`) };
    }
    return { value: seed.records[name] };
  }
  return {
    error: platformError(400, `data.get: unknown data object "${name}"; known: loggedInUser, domainName, currentEntityInfo, ${ENTITY_TYPES.join(', ')}.`),
  };
}

export function createDataApi(instance: FakeInstance, seed: DataSeed): ClientData {
  return {
    get<K extends DataObjectName>(name: K): Promise<{ [P in K]: DataObjects[P] }> {
      const lookup = objectOf(String(name), instance, seed);
      if ('error' in lookup) return rejectWith(lookup.error);
      return later(() => ({ [name]: copy(lookup.value) }) as { [P in K]: DataObjects[P] });
    },
  };
}

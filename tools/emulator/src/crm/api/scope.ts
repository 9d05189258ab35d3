import type { ProductName } from '@callbridge/core';
import type { CrmStore } from '../store';
import type { CrmUser } from '../types';
import type { PhoneMatchMode } from './phone-match';

/** What every handler of one product's API works with. */
export interface ApiScope {
  readonly store: CrmStore;
  readonly product: ProductName;
  /** The CRM user the API key belongs to: the actor of every write and the "my" in "My Contacts". */
  readonly userId: number;
  readonly phoneMatch: PhoneMatchMode;
  /** Emulated time, for the timestamps the API sets itself (stage changes, closed dates). */
  readonly now: () => Date;
}

/** A 422 message when `ownerId` names no user of the account. */
export function ownerProblems(scope: ApiScope, ownerId: unknown): string[] {
  return typeof ownerId === 'number' && !findUser(scope, ownerId) ? [`Owner ${ownerId} is not a user of this account.`] : [];
}

export function findUser(scope: ApiScope, id: unknown): CrmUser | undefined {
  return scope.store.users.find((user) => user.id === id);
}

/** A user as the API side-loads it under `users`. */
export function apiUser(user: CrmUser): Record<string, unknown> & { id: number } {
  return { ...user, is_active: true };
}

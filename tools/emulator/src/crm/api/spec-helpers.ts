import type { ProductName } from '@callbridge/core';
import { CrmStore } from '../store';
import type { RecordChange, StoredRecord } from '../types';
import { createCrmApi, type CrmApiOptions } from './crm-api';

export interface CrmErrorBody {
  errors: { code: number; message: string[] };
}

export interface ListBody {
  meta: { total: number; total_pages: number };
  [key: string]: unknown;
}

export type RecordList<K extends string> = ListBody & Record<K, StoredRecord[]>;

export interface CallInit {
  body?: unknown;
  form?: FormData;
  /** The API key to send; null sends no Authorization header. */
  key?: string | null;
  headers?: Record<string, string>;
}

/** One product's API over a fresh store, with emulated time the test can move, and every store change recorded. */
export function crmFixture(product: ProductName, options: Partial<CrmApiOptions> = {}) {
  let now = Date.parse('2026-11-21T10:00:00Z');
  const store = new CrmStore(() => new Date(now));
  const api = createCrmApi({ store, product, nowMs: () => now, ...options });
  const changes: RecordChange[] = [];
  store.onChange((change) => changes.push(change));
  const account = store.account(product);

  function call(method: string, path: string, init: CallInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const key = init.key === undefined ? account.apiKey : init.key;
    if (key !== null) headers.set('authorization', `Token token=${key}`);
    let body: BodyInit | undefined;
    if (init.form) body = init.form;
    else if (init.body !== undefined) {
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
      headers.set('content-type', 'application/json');
    }
    return api.handle(new Request(`${account.apiBase}${path}`, { method, headers, body }));
  }

  return {
    store,
    api,
    changes,
    account,
    call,
    advance(ms: number) {
      now += ms;
    },
  };
}

export async function read<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

import type { PageState } from '../page-state';
import { readPageState } from './page-state';

export interface FetchedPage {
  status: number;
  url: string;
  doc: Document;
  state: PageState;
}

/** Fetches an emulator page to swap in place; undefined when it must be loaded the ordinary way. */
export async function fetchPage(url: string): Promise<FetchedPage | undefined> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'text/html' } });
  } catch {
    return undefined;
  }
  if (!(response.headers.get('content-type') ?? '').includes('text/html')) return undefined;
  const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
  const state = readPageState(doc);
  return state ? { status: response.status, url: response.url, doc, state } : undefined;
}

/** Same page and query, another anchor: just scroll. */
export function isAnchorOnly(target: URL): boolean {
  return target.pathname === location.pathname && target.search === location.search && target.hash !== '';
}

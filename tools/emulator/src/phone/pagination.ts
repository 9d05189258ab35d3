import { AIRCALL_API_BASE } from './credentials';

export interface AircallMeta {
  count: number;
  total: number;
  current_page: number;
  per_page: number;
  next_page_link: string | null;
  previous_page_link: string | null;
}

const atLeastOne = (raw: string | null, fallback: number) => {
  const n = Number.parseInt(raw ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? n : fallback;
};

/** `page` from 1; `per_page` 20 by default, capped at Aircall's maximum of 50. Links keep the other query parameters. */
export function aircallPage<T>(items: readonly T[], url: URL): { items: T[]; meta: AircallMeta } {
  const perPage = Math.min(atLeastOne(url.searchParams.get('per_page'), 20), 50);
  const page = atLeastOne(url.searchParams.get('page'), 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (n: number) => {
    const query = new URLSearchParams(url.searchParams);
    query.set('page', String(n));
    query.set('per_page', String(perPage));
    return `${AIRCALL_API_BASE}${url.pathname.replace(/^\/v1/, '')}?${query.toString()}`;
  };
  return {
    items: slice,
    meta: {
      count: slice.length,
      total: items.length,
      current_page: page,
      per_page: perPage,
      next_page_link: page * perPage < items.length ? link(page + 1) : null,
      previous_page_link: page > 1 ? link(page - 1) : null,
    },
  };
}

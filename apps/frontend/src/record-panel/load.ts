import { listCalls, openDeals, type CallRecord, type DealSummary } from '@callbridge/contracts';
import type { CrmRecord, HostPort } from '@callbridge/core';
import type { PanelProfile } from './profile';

/** Everything a panel shows for one record. */
export interface PanelView {
  record: CrmRecord;
  calls: readonly CallRecord[];
  summary?: { thisWeek: number; lastContactedAt: string | null };
}

const RECENT_CALLS = 20;

/** The record the rep is on now, then its calls. */
export async function loadView(host: HostPort, profile: PanelProfile): Promise<PanelView> {
  const record: CrmRecord = await host.record(profile.type);
  const { calls, summary } = await host.callServer(listCalls, { record: { type: profile.type, id: record.id }, limit: RECENT_CALLS });
  return { record, calls, summary };
}

/**
 * The contact's open deals, offered in the log form; none when they cannot be read, since the rep can log the call
 * without. Read once the calls show: a second server call beside `listCalls` would slow the calls down.
 */
export function loadDeals(host: HostPort, profile: PanelProfile, record: CrmRecord): Promise<readonly DealSummary[]> {
  if (!profile.withDeals) return Promise.resolve([]);
  return host.callServer(openDeals, { contactId: record.id }).then(
    ({ deals }) => deals,
    () => [],
  );
}

import { listCalls, openDeals, type CallRecord, type DealSummary } from '@callbridge/contracts';
import type { CrmRecord, HostPort } from '@callbridge/core';
import type { PanelProfile } from './profile';

/** Everything a panel shows for one record. */
export interface PanelView {
  record: CrmRecord;
  calls: readonly CallRecord[];
  summary?: { thisWeek: number; lastContactedAt: string | null };
  /** The contact's open deals, offered in the log form; none when they could not be read. */
  deals: readonly DealSummary[];
}

const RECENT_CALLS = 20;

/** Reads the record the rep is on now, then its calls (and open deals) in parallel. */
export async function loadView(host: HostPort, profile: PanelProfile): Promise<PanelView> {
  const record: CrmRecord = await host.record(profile.type);
  const [{ calls, summary }, deals] = await Promise.all([
    host.callServer(listCalls, { record: { type: profile.type, id: record.id }, limit: RECENT_CALLS }),
    // The deal choice is a convenience: without it the rep can still log the call.
    profile.withDeals ? host.callServer(openDeals, { contactId: record.id }).then(({ deals }) => deals, () => []) : [],
  ]);
  return { record, calls, summary, deals };
}

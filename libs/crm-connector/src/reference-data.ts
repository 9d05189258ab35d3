import type { ReferenceCache } from './connector';

type Table = Record<string, number>;

export interface ReferenceData {
  /** The CRM's id of a call outcome, by name (case-insensitive); undefined when it has none or cannot tell. */
  outcomeId(name: string): Promise<number | undefined>;
  /** Whether a deal stage is open (forecast type "Open"); undefined when the CRM cannot tell. */
  isOpenStage(stageId: number): Promise<boolean | undefined>;
}

export interface ReferenceSources {
  /** Lower-case outcome name to id. */
  outcomes(): Promise<Table>;
  /** Stage id to 1 (open) or 0 (won, lost). */
  stages(): Promise<Table>;
  cache?: ReferenceCache | undefined;
}

/**
 * Reference data the CRM rarely changes, read once per connector and kept in the cache between invocations. It only
 * refines a log or a deal list, so failing to read it is never fatal: the caller falls back.
 */
export function createReferenceData(sources: ReferenceSources): ReferenceData {
  const loaded = new Map<string, Promise<Table | undefined>>();

  const table = (name: 'outcomes' | 'stages'): Promise<Table | undefined> => {
    let pending = loaded.get(name);
    if (!pending) {
      pending = (async () => {
        const cached = await sources.cache?.get(name).catch(() => undefined);
        if (cached) return cached;
        const fresh = await sources[name]().catch(() => undefined);
        if (fresh) await sources.cache?.set(name, fresh).catch(() => undefined);
        return fresh;
      })();
      loaded.set(name, pending);
    }
    return pending;
  };

  return {
    async outcomeId(name) {
      return (await table('outcomes'))?.[name.trim().toLowerCase()];
    },
    async isOpenStage(stageId) {
      const open = (await table('stages'))?.[String(stageId)];
      return open === undefined ? undefined : open === 1;
    },
  };
}

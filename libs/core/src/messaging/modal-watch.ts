import type { InstanceInfo, InstanceLocation, PlatformClient } from '../platform/client';

/** Locations a modal-like instance reports: `modal` today, `overlay` in older docs, `dialog` for showDialog. */
const MODAL_LOCATIONS: ReadonlySet<InstanceLocation> = new Set<InstanceLocation>(['modal', 'overlay', 'dialog']);

export const DEFAULT_MODAL_POLL_MS = 1_000;

export function modalInstanceIds(instances: InstanceInfo[]): Set<string> {
  return new Set(instances.filter((instance) => MODAL_LOCATIONS.has(instance.location)).map((instance) => instance.instanceId));
}

/**
 * Calls `onClosed` once no modal-like instance is active that was not active before the modal opened. The platform
 * tells a parent nothing when the user closes a modal with its own close button, so `instance.get()` is polled.
 * Returns the stop function.
 */
export function watchModalClosed(client: PlatformClient, before: Set<string>, pollMs: number, onClosed: () => void): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const poll = async (): Promise<void> => {
    let open: boolean;
    try {
      const now = modalInstanceIds(await client.instance.get());
      open = [...now].some((id) => !before.has(id));
    } catch {
      // A failed look-up says nothing about the modal; ask again next time.
      open = true;
    }
    if (stopped) return;
    if (open) schedule();
    else {
      stopped = true;
      onClosed();
    }
  };
  const schedule = (): void => {
    timer = setTimeout(() => void poll(), pollMs);
  };

  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

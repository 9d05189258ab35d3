/** Listens to `/_fdk/live`: a reloaded app folder reloads the page; a changed record reaches the host page. */
export function listenLive(since: number, onRecord: (change: { product: string; entity: string; id: number; action: string }) => void): EventSource {
  const source = new EventSource(`/_fdk/live?since=${since}`);
  source.addEventListener('reload', () => location.reload());
  source.addEventListener('record', (event) => {
    try {
      onRecord(JSON.parse((event as MessageEvent<string>).data) as { product: string; entity: string; id: number; action: string });
    } catch {
      // A malformed event is not worth breaking the page for.
    }
  });
  return source;
}

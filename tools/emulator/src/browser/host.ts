import { HostPage } from './dom/host-page';
import { startInstallPage } from './dom/install-page';
import { listenLive } from './dom/live';
import { readPageState } from './dom/page-state';

/** The host page script of every emulator page. */
const state = readPageState(document);
if (state) {
  const host = new HostPage(state);
  host.start();
  if (state.view === 'install') startInstallPage(host);
  listenLive(state.liveSince, (change) => void host.recordChanged(change));
}

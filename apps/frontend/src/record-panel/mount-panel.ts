import { mount } from '../mount';
import type { PanelProfile } from './profile';
import './record-panel';

/** A record panel placeholder: the entry names only its profile. */
export function mountPanel(profile: PanelProfile) {
  return mount('cb-record-panel', (panel, { host }) => {
    panel.host = host;
    panel.profile = profile;
  });
}

import { mountPanel } from '../record-panel/mount-panel';
import { leadProfile } from '../record-panel/profiles/lead';

void mountPanel(leadProfile);

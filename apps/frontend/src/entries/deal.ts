import { mountPanel } from '../record-panel/mount-panel';
import { dealProfile } from '../record-panel/profiles/deal';

void mountPanel(dealProfile);

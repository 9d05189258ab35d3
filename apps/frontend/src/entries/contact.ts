import { mountPanel } from '../record-panel/mount-panel';
import { contactProfile } from '../record-panel/profiles/contact';

void mountPanel(contactProfile);

import { mountPanel } from '../record-panel/mount-panel';
import { salesAccountProfile } from '../record-panel/profiles/sales-account';

void mountPanel(salesAccountProfile);

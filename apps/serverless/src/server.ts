export { onAppInstall } from './handlers/on-app-install';
export { onAppUninstall } from './handlers/on-app-uninstall';
export { onExternalEvent } from './handlers/on-external-event';
export { onScheduledEvent } from './handlers/on-scheduled-event';
export { onContactCreate, onContactUpdate, onLeadCreate, onLeadUpdate, onLeadDelete } from './handlers/on-person-events';
export { onDealCreate, onDealUpdate } from './handlers/on-deal-events';
export { findByPhone, createPlaceholderContact, logCall, listCalls, openDeals, dial, currentCall } from './handlers/server-methods';

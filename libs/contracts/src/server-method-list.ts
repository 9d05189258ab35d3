import { currentCall } from './live-call';
import { createPlaceholderContact, dial, findByPhone, listCalls, logCall, openDeals } from './server-methods';

/**
 * Every server method the app declares. A module of its own: a bundle reaching this list reaches every contract, so
 * the front end imports the contracts it calls, never the list.
 */
export const SERVER_METHODS = [findByPhone, createPlaceholderContact, logCall, listCalls, openDeals, dial, currentCall] as const;

import { currentCall } from './live-call';
import { createPlaceholderContact } from './methods/create-placeholder-contact';
import { dial } from './methods/dial';
import { findByPhone } from './methods/find-by-phone';
import { listCalls } from './methods/list-calls';
import { logCall } from './methods/log-call';
import { openDeals } from './methods/open-deals';

/**
 * Every server method the app declares. A module of its own: a bundle reaching this list reaches every contract, so
 * the front end imports the contracts it calls, never the list.
 */
export const SERVER_METHODS = [findByPhone, createPlaceholderContact, logCall, listCalls, openDeals, dial, currentCall] as const;

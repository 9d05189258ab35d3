import { defineMessages } from '@callbridge/core';
import * as v from 'valibot';

/**
 * What other instances (and the emulator, standing in for the phone system) tell the phone app. The platform has no
 * incoming-call event for CTI apps, so whoever learns of a call broadcasts `call.incoming` to the app's instances.
 */
export const phoneMessages = defineMessages({
  'call.incoming': v.object({
    phone: v.string(),
    direction: v.optional(v.picklist(['inbound', 'outbound']), 'inbound'),
    callId: v.optional(v.string()),
  }),
});

export type IncomingCall = v.InferOutput<(typeof phoneMessages.definitions)['call.incoming']>;

import type { RateLimiter, RequestApi, RequestPlatformVersion } from '@callbridge/core';
import { createRequester } from '@callbridge/core';
import { phoneCallToCallRecord } from '../call-record';
import { PhoneProviderError } from '../phone-error';
import type { CallPage, DialInput, ListCallsInput, PhoneCall, PhoneProvider, SearchCallsInput, WebhookRegistration } from '../provider';
import { toPhoneProviderError } from './errors';
import { AIRCALL_TEMPLATES } from './templates';
import { readAircallCall } from './to-phone-call';
import { readAircallEvent } from './webhook-event';

export interface AircallProviderOptions {
  /** `$request` in serverless. */
  request: RequestApi;
  platformVersion: RequestPlatformVersion;
  /** None by default: the serverless sandbox has no timers, and the platform answers 429 itself. */
  limiter?: RateLimiter | false;
}

/** The events Callbridge subscribes to: enough to see a call start and to log it once it ended. */
export const AIRCALL_WEBHOOK_EVENTS = ['call.created', 'call.answered', 'call.ended'] as const;

/** Aircall pages hold at most 50 items. */
const MAX_PER_PAGE = 50;
const E164 = /^\+[1-9]\d{7,14}$/;
const WEBHOOK_ID = /^[A-Za-z0-9-]{1,64}$/;
const CALL_ID = /^\d{1,20}$/;

function pageOf(raw: { calls: unknown[]; meta?: { next_page_link?: string | null | undefined } | undefined }, perPage: number): CallPage {
  const calls = raw.calls.map(readAircallCall).filter((call): call is PhoneCall => call !== undefined);
  const hasMore = raw.meta?.next_page_link ? true : raw.meta === undefined && raw.calls.length >= perPage;
  return { calls, hasMore, unreadable: raw.calls.length - calls.length };
}

function paging(input: ListCallsInput): { from: number; page: number; per_page: number } {
  const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(input.perPage ?? MAX_PER_PAGE)));
  return { from: Math.max(0, Math.floor(input.since)), page: Math.max(1, Math.floor(input.page ?? 1)), per_page: perPage };
}

/** Aircall's public REST API v1 and webhooks as a PhoneProvider. */
export function createAircallProvider(options: AircallProviderOptions): PhoneProvider {
  const requester = createRequester({ api: options.request, platformVersion: options.platformVersion, templates: AIRCALL_TEMPLATES, limiter: options.limiter ?? false });

  async function attempt<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toPhoneProviderError(error, what);
    }
  }

  return {
    id: 'aircall',
    label: 'Aircall',

    registerWebhook({ url, name }): Promise<WebhookRegistration> {
      return attempt('register the webhook', async () => {
        const body = { custom_name: name, url, events: [...AIRCALL_WEBHOOK_EVENTS] };
        const { webhook } = await requester.call('aircallCreateWebhook', { body });
        return { id: webhook.webhook_id, token: webhook.token };
      });
    },

    async deleteWebhook(id) {
      if (!WEBHOOK_ID.test(id)) throw new PhoneProviderError('invalid', `"${id}" is not an Aircall webhook id`, 0);
      try {
        await requester.call('aircallDeleteWebhook', { context: { webhook_id: id } });
        return true;
      } catch (error) {
        const failure = toPhoneProviderError(error, 'remove the webhook');
        if (failure instanceof PhoneProviderError && failure.kind === 'not_found') return false;
        throw failure;
      }
    },

    readEvent: readAircallEvent,

    listCallsSince(input) {
      return attempt('list recent calls', async () => {
        const context = paging(input);
        return pageOf(await requester.call('aircallListCalls', { context }), context.per_page);
      });
    },

    searchCalls(input: SearchCallsInput) {
      if (!E164.test(input.phoneNumber)) return Promise.reject(new PhoneProviderError('invalid', `"${input.phoneNumber}" is not a phone number in E.164 form`, 0));
      return attempt('search calls', async () => {
        const context = { ...paging(input), phone_number: input.phoneNumber };
        return pageOf(await requester.call('aircallSearchCalls', { context }), context.per_page);
      });
    },

    async getCall(id) {
      if (!CALL_ID.test(id)) return undefined;
      try {
        const { call } = await requester.call('aircallGetCall', { context: { call_id: id } });
        const read = readAircallCall(call);
        if (!read) throw new PhoneProviderError('unexpected', `Aircall answered with call ${id} in a shape Callbridge cannot read`, 200);
        return read;
      } catch (error) {
        const failure = toPhoneProviderError(error, `read call ${id}`);
        if (failure instanceof PhoneProviderError && failure.kind === 'not_found') return undefined;
        throw failure;
      }
    },

    async dial({ to, agentEmail }: DialInput) {
      if (!E164.test(to)) throw new PhoneProviderError('invalid', `"${to}" is not a phone number in E.164 form, such as +14155550111`, 0);
      const { users } = await attempt('find the agent to dial from', () => requester.call('aircallListUsers'));
      const wanted = agentEmail?.trim().toLowerCase();
      const agent = wanted ? users.find((u) => u.email?.toLowerCase() === wanted) : users.find((u) => u.available === true);
      if (!agent) {
        throw wanted
          ? new PhoneProviderError('not_found', `No Aircall user has the email ${agentEmail}: ask an Aircall admin to add you`, 404)
          : new PhoneProviderError('agent_unavailable', 'No Aircall agent is available to dial: open the Aircall app and set yourself available', 405);
      }
      await attempt(`dial ${to}`, () => requester.call('aircallDial', { context: { user_id: agent.id }, body: { to } }));
    },

    toCallRecord: phoneCallToCallRecord,
  };
}

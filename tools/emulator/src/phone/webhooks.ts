import { z } from 'zod';
import { AIRCALL_API_BASE } from './credentials';

export const WEBHOOK_EVENTS = [
  'call.created', 'call.ringing_on_agent', 'call.agent_declined', 'call.answered', 'call.transferred', 'call.external_transferred',
  'call.unsuccessful_transfer', 'call.hungup', 'call.ended', 'call.voicemail_left', 'call.assigned', 'call.archived', 'call.tagged',
  'call.untagged', 'call.commented', 'call.comm_assets_generated', 'call.hold', 'call.unhold', 'call.ivr_option_selected',
  'user.created', 'user.deleted', 'user.connected', 'user.disconnected', 'user.opened', 'user.closed', 'user.wut_start', 'user.wut_end',
  'number.created', 'number.deleted', 'number.opened', 'number.closed', 'contact.created', 'contact.updated', 'contact.deleted',
  'message.sent', 'message.received', 'message.status_updated',
] as const;

/** Aircall's per-company cap. */
export const MAX_WEBHOOKS = 100;

export interface Webhook {
  webhook_id: string;
  /** The numeric id Aircall shows in `direct_link`; either id works in the path. */
  numericId: number;
  created_at: string;
  url: string;
  active: boolean;
  events: string[];
  custom_name: string;
  token: string;
}

export function webhookJson(webhook: Webhook): Record<string, unknown> {
  const { numericId, ...rest } = webhook;
  return { ...rest, direct_link: `${AIRCALL_API_BASE}/webhooks/${numericId}` };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const createSchema = z.object({
  custom_name: z.string().max(100).optional(),
  url: z.string({ error: 'url is required' }),
  events: z.array(z.string()).optional(),
});

export type WebhookInput = { ok: true; custom_name: string; url: string; events: string[] } | { ok: false; error: string; troubleshoot: string };

/**
 * `url` must be https, as Aircall demands; plain http is allowed for loopback hosts only, so the emulator's own
 * `generateTargetUrl()` (http://localhost:10001/...) can subscribe. Missing or empty `events` means every event.
 */
export function parseWebhookInput(body: unknown): WebhookInput {
  const parsed = createSchema.safeParse(body ?? {});
  if (!parsed.success) return { ok: false, error: 'Invalid webhook', troubleshoot: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') };
  const { url, events, custom_name } = parsed.data;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { ok: false, error: 'Invalid url', troubleshoot: `${url} is not a URL. Send an https URL Aircall can POST events to.` };
  }
  if (target.protocol !== 'https:' && !(target.protocol === 'http:' && LOOPBACK.has(target.hostname))) {
    return { ok: false, error: 'Invalid url', troubleshoot: 'The url must use https (http is accepted for localhost only, in the emulator).' };
  }
  const unknown = (events ?? []).filter((e) => !(WEBHOOK_EVENTS as readonly string[]).includes(e));
  if (unknown.length > 0) return { ok: false, error: 'Invalid events', troubleshoot: `Unknown events: ${unknown.join(', ')}. See https://developer.aircall.io/api-references/#events.` };
  return { ok: true, url, custom_name: custom_name ?? 'Webhook', events: events?.length ? [...new Set(events)] : [...WEBHOOK_EVENTS] };
}

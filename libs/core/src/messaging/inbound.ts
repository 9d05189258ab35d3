import { safeParse } from '../schema/standard';
import { envelopeSchema, type Envelope } from './envelope';
import { describeIssues } from './errors';

export type InboundMessage = { ok: true; senderId: string; envelope: Envelope } | { ok: false; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readSenderId(data: Record<string, unknown>): string | undefined {
  // The docs say `senderId`; one public sample reads `sender`. Ids are strings, but tolerate numbers.
  const sender = data['senderId'] ?? data['sender'];
  if (typeof sender === 'string' && sender.length > 0) return sender;
  if (typeof sender === 'number') return String(sender);
  return undefined;
}

/**
 * Parses what `event.helper.getData()` gives a receiver: `{senderId, message}`, where some docs nest the message once
 * more (`{senderId, message: {message}}`). Never throws: anything that is not our envelope comes back with a reason.
 */
export function parseInstanceMessage(data: unknown): InboundMessage {
  if (!isRecord(data)) return { ok: false, reason: 'the event data is not an object' };
  const senderId = readSenderId(data);
  if (senderId === undefined) return { ok: false, reason: 'the event data has no senderId' };

  const outer = safeParse(envelopeSchema, data['message']);
  if (outer.success) return { ok: true, senderId, envelope: outer.data };

  const nested = data['message'];
  if (isRecord(nested) && 'message' in nested) {
    const inner = safeParse(envelopeSchema, nested['message']);
    if (inner.success) return { ok: true, senderId, envelope: inner.data };
  }
  return { ok: false, reason: `not a Callbridge envelope (${describeIssues(outer.error)})` };
}

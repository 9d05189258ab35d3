import { describe, expect, it } from 'vitest';
import { parseWebhookInput, WEBHOOK_EVENTS, webhookJson } from './webhooks';

describe('parseWebhookInput', () => {
  it('takes https URLs, and http on loopback for the emulator itself', () => {
    expect(parseWebhookInput({ url: 'https://example.com/hook', events: ['call.ended', 'call.ended'], custom_name: 'Callbridge' })).toEqual({
      ok: true,
      url: 'https://example.com/hook',
      events: ['call.ended'],
      custom_name: 'Callbridge',
    });
    expect(parseWebhookInput({ url: 'http://localhost:10001/_fdk/external/x' })).toMatchObject({ ok: true, custom_name: 'Webhook' });
  });

  it('subscribes to every event when events are omitted or empty', () => {
    const all = parseWebhookInput({ url: 'https://example.com', events: [] });
    expect(all.ok && all.events).toEqual([...WEBHOOK_EVENTS]);
  });

  it('refuses a missing or non-https url, and unknown events', () => {
    expect(parseWebhookInput(undefined)).toMatchObject({ ok: false, error: 'Invalid webhook' });
    expect(parseWebhookInput({ url: 'not a url' })).toMatchObject({ ok: false, error: 'Invalid url' });
    expect(parseWebhookInput({ url: 'http://example.com/hook' })).toMatchObject({ ok: false, error: 'Invalid url' });
    expect(parseWebhookInput({ url: 'https://example.com', events: ['call.exploded'] })).toMatchObject({ ok: false, error: 'Invalid events' });
  });

  it('shows the numeric id only in direct_link', () => {
    const json = webhookJson({ webhook_id: 'u', numericId: 7, created_at: '', url: '', active: true, events: [], custom_name: '', token: 't' });
    expect(json).toMatchObject({ webhook_id: 'u', direct_link: 'https://api.aircall.io/v1/webhooks/7', token: 't' });
    expect(json).not.toHaveProperty('numericId');
  });
});

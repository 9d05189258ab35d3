import { describe, expect, it } from 'vitest';
import { PhoneProviderError } from './phone-error';

describe('PhoneProviderError', () => {
  it('is retryable only for rate limits and outages', () => {
    const retryable = (['credentials', 'not_found', 'agent_unavailable', 'invalid', 'rate_limited', 'unreachable', 'unexpected'] as const).filter(
      (kind) => new PhoneProviderError(kind, 'm', 0).retryable,
    );
    expect(retryable).toEqual(['rate_limited', 'unreachable']);
  });
});

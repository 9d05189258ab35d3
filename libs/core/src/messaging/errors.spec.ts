import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeCause, describeIssues, MessagingError } from './errors';

describe('messaging errors', () => {
  it('carry a code, a name and their cause', () => {
    const cause = { status: 400 };
    const error = new MessagingError('timeout', 'No reply', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'MessagingError', code: 'timeout', message: 'No reply', cause });
  });

  it('describe zod issues as path: message', () => {
    const result = z.object({ call: z.object({ id: z.string() }) }).safeParse({ call: { id: 1 } });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)).toMatch(/^call\.id: /);
    const root = z.string().safeParse(1);
    if (!root.success) expect(describeIssues(root.error)).toMatch(/^\(root\): /);
  });

  it('describe whatever the platform rejected with', () => {
    expect(describeCause(new Error('boom'))).toBe('boom');
    expect(describeCause({ status: 400, message: 'Receiver is not active' })).toBe('400 Receiver is not active');
    expect(describeCause({ message: 'no status' })).toBe('no status');
    expect(describeCause({ code: 'X' })).toBe('{"code":"X"}');
    expect(describeCause('plain')).toBe('plain');
  });
});

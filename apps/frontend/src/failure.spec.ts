import { ServerMethodError } from '@callbridge/core';
import { describe, expect, it } from 'vitest';
import { failureMessage } from './failure';

describe('failureMessage', () => {
  it.each([
    [401, 'An admin must check the CRM API key and the Aircall credentials in the app settings.'],
    [403, 'An admin must check the CRM API key and the Aircall credentials in the app settings.'],
    [429, 'Too many requests. Wait a minute, then try again.'],
    [408, 'The server did not answer in time. Try again.'],
    [504, 'The server did not answer in time. Try again.'],
    [500, 'The server had a problem. Try again.'],
    [422, 'Phone number is invalid'],
  ])('a server method failing with %s reads %j', (status, message) => {
    expect(failureMessage(new ServerMethodError('logCall', status, 'Phone number is invalid'))).toBe(message);
  });

  it('gives the general advice for a refusal without a message', () => {
    expect(failureMessage(new ServerMethodError('logCall', 400, ''))).toBe('The server had a problem. Try again.');
  });

  it('reads the message of errors and of the platform’s plain error objects', () => {
    expect(failureMessage(new Error('The platform did not open the modal'))).toBe('The platform did not open the modal');
    expect(failureMessage({ status: 400, message: 'data.get failed' })).toBe('data.get failed');
    expect(failureMessage('nope')).toBe('The server had a problem. Try again.');
    expect(failureMessage(undefined)).toBe('The server had a problem. Try again.');
  });
});

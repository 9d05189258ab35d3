import { describe, expect, it } from 'vitest';
import { checkTriggerArgs, isInterfaceAction } from './interface-args';

const ok = (action: string, args: unknown, product: 'freshworks_crm' | 'freshsales' = 'freshworks_crm') =>
  expect(checkTriggerArgs(action, args, product)).toBeUndefined();
const refused = (action: unknown, args: unknown, pattern: RegExp, product: 'freshworks_crm' | 'freshsales' = 'freshworks_crm') => {
  const error = checkTriggerArgs(action, args, product);
  expect(error?.status).toBe(400);
  expect(error?.message).toMatch(pattern);
};

describe('checkTriggerArgs', () => {
  it('refuses an unknown action with the platform error shape, naming the known ones', () => {
    refused('doSomething', {}, /unknown action "doSomething"; known: showModal/);
    refused(42, {}, /unknown action 42/);
    expect(isInterfaceAction('showNotify')).toBe(true);
  });

  it('needs an object of arguments', () => {
    refused('showNotify', null, /must be an object/);
    refused('showNotify', ['x'], /must be an object/);
  });

  it('limits modal titles to 30 characters and needs a template', () => {
    ok('showModal', { title: 'Call notes', template: 'modal.html' });
    refused('showModal', { title: 'x'.repeat(31), template: 'modal.html' }, /title must be at most 30 characters/);
    refused('showDialog', { title: 'Notes' }, /template must be a non-empty string/);
  });

  it('limits confirm messages and labels', () => {
    ok('showConfirm', { title: 'Delete?', message: 'Sure?', saveLabel: 'Delete', cancelLabel: 'Keep' });
    refused('showConfirm', { title: 'Delete?', message: 'm'.repeat(101) }, /message must be at most 100/);
    refused('showConfirm', { title: 'Delete?', message: 'Sure?', saveLabel: 'A very long label' }, /saveLabel must be at most 11/);
    refused('showConfirm', { title: 'Delete?', message: 'Sure?', cancelLabel: '' }, /cancelLabel must be a non-empty string/);
  });

  it('checks notification types', () => {
    ok('showNotify', { type: 'success', message: 'Saved' });
    refused('showNotify', { type: 'fancy', message: 'Saved' }, /type must be one of info, success/);
    refused('showNotify', { type: 'info', message: 'Saved', title: 3 }, /title must be a non-empty string/);
  });

  it('knows leads only in Freshsales Classic', () => {
    ok('open', { id: 'lead' }, 'freshsales');
    refused('open', { id: 'lead' }, /leads exist only in Freshsales Classic/);
    refused('show', { id: 'lead', value: 5 }, /leads exist only/);
    refused('open', { id: 'ticket' }, /id must be one of lead, contact/);
  });

  it('needs a record id to show a record, but not to show the phone app', () => {
    ok('show', { id: 'contact', value: 101 });
    ok('show', { id: 'deal', value: '401' });
    ok('show', { id: 'phoneApp' });
    refused('show', { id: 'contact', value: 'abc' }, /value must be the record's id/);
    refused('show', { id: 'calllog', value: 1 }, /id must be one of/);
    ok('hide', { id: 'phoneApp' });
    refused('hide', { id: 'contact' }, /id must be one of phoneApp/);
  });
});

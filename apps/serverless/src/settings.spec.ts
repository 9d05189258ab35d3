import { describe, expect, it } from 'vitest';
import { readSettings } from './settings';

describe('readSettings', () => {
  it("applies the page's defaults", () => {
    expect(readSettings({}, 'freshworks_crm')).toEqual({ autoCreateContacts: true, placeholderType: 'contact', placeholderName: 'Unknown caller', attachToOpenDeal: true });
  });

  it('reads each product its own placeholder type, and checkboxes sent as text', () => {
    const values = { placeholder_type_crm: 'contact', placeholder_type_classic: 'lead', auto_create_contacts: 'false', attach_to_open_deal: 'false', webhook_token: ' t ' };
    expect(readSettings(values, 'freshsales')).toEqual({ autoCreateContacts: false, placeholderType: 'lead', placeholderName: 'Unknown caller', attachToOpenDeal: false, webhookToken: 't' });
    expect(readSettings(values, 'freshworks_crm').placeholderType).toBe('contact');
  });

  it('answers 400 naming what to fix', () => {
    expect(() => readSettings({ placeholder_type_classic: 'account' }, 'freshsales')).toThrow('The installation settings need fixing: Placeholder contact type "account" is not one of contact, lead');
    expect(() => readSettings('x', 'freshsales')).toThrow('iparams must be an object');
  });
});

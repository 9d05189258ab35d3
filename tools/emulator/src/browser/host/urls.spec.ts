import { describe, expect, it } from 'vitest';
import { appUrl, templateUrl } from './urls';

const origin = 'http://localhost:10001';

describe('app URLs', () => {
  it('serves app files under /_app/<product>/', () => {
    expect(appUrl('freshsales', './index.html')).toBe('/_app/freshsales/index.html');
    expect(appUrl('freshsales', 'views/a.html')).toBe('/_app/freshsales/views/a.html');
  });

  it('resolves modal templates the way apps write them', () => {
    for (const template of ['modal.html', './modal.html', '/modal.html']) expect(templateUrl('freshworks_crm', template, origin)).toBe('/_app/freshworks_crm/modal.html');
    expect(templateUrl('freshworks_crm', 'views/modal.html?x=1', origin)).toBe('/_app/freshworks_crm/views/modal.html?x=1');
  });

  it('reads a leading // as a path in app/, never as another host', () => {
    expect(templateUrl('freshworks_crm', '//evil.example/x.html', origin)).toBe('/_app/freshworks_crm/evil.example/x.html');
  });

  it('refuses templates outside the app folder', () => {
    for (const template of ['https://evil.example/x.html', 'javascript:alert(1)', '../../_fdk/host.js', '../freshsales/modal.html']) {
      expect(() => templateUrl('freshworks_crm', template, origin)).toThrow();
    }
    try {
      templateUrl('freshworks_crm', 'https://evil.example/x.html', origin);
    } catch (error) {
      expect(error).toMatchObject({ status: 400 });
    }
  });
});

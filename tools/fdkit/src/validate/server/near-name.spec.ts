import { describe, expect, it } from 'vitest';
import { nearestName } from './near-name';

describe('nearestName', () => {
  it('suggests a name one typo away', () => {
    expect(nearestName('coomonOnDealCreateHandler', ['commonOnDealCreateHandler', 'fsOnLeadCreateHandler'])).toBe('commonOnDealCreateHandler');
    expect(nearestName('onappinstall', ['onAppInstall'])).toBe('onAppInstall');
  });

  it('suggests nothing when no name is close', () => {
    expect(nearestName('listCalls', ['onAppInstall', 'findByPhone'])).toBeUndefined();
    expect(nearestName('x', [])).toBeUndefined();
  });
});

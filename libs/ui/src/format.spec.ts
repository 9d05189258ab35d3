import { afterEach, describe, expect, it } from 'vitest';
import { formatDuration, formatTime } from './format';
import { parseDuration } from './forms/duration';
import { setLanguage } from './i18n/t';

afterEach(() => setLanguage('en'));

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [59.6, '1:00'],
    [75, '1:15'],
    [3725, '1:02:05'],
    [-4, '0:00'],
  ])('%s seconds reads %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('parseDuration', () => {
  it.each([
    ['', 0],
    ['  ', 0],
    ['45', 45],
    ['2:30', 150],
    ['90:00', 5400],
    ['1:02:05', 3725],
  ])('%j is %s seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['2 min', '1:75', '1:60:00', '-3', '1:2'])('%j is not a duration', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('reads back what formatDuration writes', () => {
    for (const seconds of [0, 59, 61, 3599, 3600, 86_400]) expect(parseDuration(formatDuration(seconds))).toBe(seconds);
  });
});

describe('formatTime', () => {
  const iso = '2026-11-03T09:05:00Z';

  it('writes dates in the rep’s language', () => {
    setLanguage('en-GB');
    const english = formatTime(iso);
    setLanguage('fr');
    expect(formatTime(iso)).not.toBe(english);
    expect(formatTime(iso)).toMatch(/nov/);
  });

  it('falls back to English for a language the browser does not know', () => {
    setLanguage('not a language!');
    expect(formatTime(iso)).toMatch(/2026/);
  });

  it('shows text that is not a date as it is', () => {
    expect(formatTime('yesterday')).toBe('yesterday');
  });
});

import { describe, expect, it } from 'vitest';
import { describeTime, formatTimestampUtc, parseTimestamp } from './timestamp.ts';

describe('parseTimestamp', () => {
  it.each([
    ['2026-11-22 14:03 UTC', '2026-11-22T14:03:00.000Z'],
    ['2026-11-22 14:03 utc', '2026-11-22T14:03:00.000Z'],
    ['2026-11-22T14:03Z', '2026-11-22T14:03:00.000Z'],
    ['2026-11-22T14:03:09.5Z', '2026-11-22T14:03:09.500Z'],
    ['2026-11-22 14:03 GMT', '2026-11-22T14:03:00.000Z'],
    ['2026-11-22 15:03 +01:00', '2026-11-22T14:03:00.000Z'],
    ['2026-11-22T09:03-0500', '2026-11-22T14:03:00.000Z'],
    ['2026-11-23 00:33 +10:30', '2026-11-22T14:03:00.000Z'],
    ['  2028-02-29 00:00 UTC  ', '2028-02-29T00:00:00.000Z'],
    ['1970-01-01 00:00 UTC', '1970-01-01T00:00:00.000Z'],
    ['9999-12-31 23:59:59 UTC', '9999-12-31T23:59:59.000Z'],
  ])('reads %s', (text, iso) => {
    const result = parseTimestamp(text);
    expect(result.ok && result.date.toISOString()).toBe(iso);
  });

  it.each([
    ['2026-11-22 14:03', 'no-zone', 'has no time zone'],
    ['2026-11-22', 'no-zone', 'a date without a time and zone'],
    ['2026-11-22 14:03 CET', 'invalid', 'abbreviations such as CET or PST are ambiguous'],
    ['2026-11-22 14:03 Europe/Berlin', 'invalid', 'is not a zone Candor accepts'],
    ['2026-02-29 14:03 UTC', 'invalid', 'is not a real date and time'],
    ['2026-11-22 24:00 UTC', 'invalid', 'is not a real date and time'],
    ['2026-11-22 14:03 +15:00', 'invalid', 'is not a valid UTC offset'],
    ['22/11/2026 14:03 UTC', 'invalid', 'is not a timestamp'],
    ['', 'invalid', 'is not a timestamp'],
    ['0099-11-22 14:03 UTC', 'out-of-range', 'outside the years 1970 to 9999'],
    ['0000-01-01 00:00 UTC', 'out-of-range', 'outside the years 1970 to 9999'],
    ['1969-12-31 23:59 UTC', 'out-of-range', 'outside the years 1970 to 9999'],
    ['1970-01-01 00:30 +01:00', 'out-of-range', 'outside the years 1970 to 9999'],
    ['9999-12-31 23:00 -14:00', 'out-of-range', 'outside the years 1970 to 9999'],
  ])('refuses %j (%s) with a message and a hint', (text, reason, message) => {
    const result = parseTimestamp(text);
    expect(result).toMatchObject({
      ok: false,
      reason,
      message: expect.stringContaining(message),
      hint: expect.stringMatching(/\S/),
    });
  });
});

describe('formatting', () => {
  it('writes the canonical form, with seconds in messages only when they matter', () => {
    expect(formatTimestampUtc(new Date('2026-11-22T14:03:09Z'))).toBe('2026-11-22 14:03 UTC');
    expect(describeTime(new Date('2026-11-22T14:03:00Z'))).toBe('2026-11-22 14:03 UTC');
    expect(describeTime(new Date('2026-11-22T14:03:09Z'))).toBe('2026-11-22 14:03:09 UTC');
  });
});

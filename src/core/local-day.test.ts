import { describe, expect, it } from 'vitest';
import { addDays, localDay, startOfLocalDay } from './local-day.ts';

describe('local days', () => {
  it('finds the day of an instant in the zone', () => {
    expect(localDay(new Date('2026-11-20T23:30:00Z'), 'UTC')).toBe('2026-11-20');
    expect(localDay(new Date('2026-11-20T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11-21');
    expect(localDay(new Date('2026-11-21T03:30:00Z'), 'America/New_York')).toBe('2026-11-20');
  });

  it("starts a day at the zone's midnight, also on days when the clocks change", () => {
    expect(startOfLocalDay('2026-11-21', 'Europe/Berlin').toISOString()).toBe(
      '2026-11-20T23:00:00.000Z',
    );
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(startOfLocalDay('2026-03-30', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
    expect(startOfLocalDay('2026-11-02', 'America/New_York').toISOString()).toBe(
      '2026-11-02T05:00:00.000Z',
    );
    expect(startOfLocalDay('2026-11-23', 'Asia/Kolkata').toISOString()).toBe(
      '2026-11-22T18:30:00.000Z',
    );
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

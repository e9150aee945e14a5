import { describe, expect, it } from 'vitest';
import { createLocale } from '../../src/i18n/locale.ts';

describe('time formatting', () => {
  it('writes durations a reader can take in at a glance, in the page language', () => {
    const en = createLocale({ language: 'en', timezone: 'UTC' });
    expect(en.duration(20_000)).toBe('1 min');
    expect(en.duration(41 * 60_000)).toBe('41 mins');
    expect(en.duration(102 * 60_000)).toBe('1 hr, 42 mins');
    expect(en.duration(3 * 3_600_000)).toBe('3 hrs');
    expect(en.duration(52 * 3_600_000)).toBe('2 days, 4 hrs');
    const es = createLocale({ language: 'es', timezone: 'UTC' });
    expect(es.duration(102 * 60_000)).toBe('1 h y 42 min');
    expect(createLocale({ language: 'nl', timezone: 'UTC' }).duration(52 * 3_600_000)).toBe(
      '2 dagen, 4 uur',
    );
    expect(createLocale({ language: 'fr', timezone: 'UTC' }).duration(52 * 3_600_000)).toBe(
      '2\u202fj et 4\u202fh',
    );
  });

  it('writes a window with its zone once', () => {
    const at = (iso: string) => new Date(iso);
    expect(
      createLocale({ language: 'en', timezone: 'UTC' }).range(
        at('2026-12-05T02:00:00Z'),
        at('2026-12-05T04:00:00Z'),
      ),
    ).toBe('5 Dec 2026, 02:00 – 04:00 UTC');
    expect(
      createLocale({ language: 'en', timezone: 'Europe/Berlin' }).range(
        at('2026-12-05T22:00:00Z'),
        at('2026-12-06T04:00:00Z'),
      ),
    ).toBe('5 Dec 2026, 23:00 CET – 6 Dec 2026, 05:00 CET');
    expect(
      createLocale({ language: 'de', timezone: 'Europe/Berlin' }).range(
        at('2026-12-05T22:00:00Z'),
        at('2026-12-06T04:00:00Z'),
      ),
    ).toBe('5. Dez. 2026, 23:00 MEZ – 6. Dez. 2026, 05:00 MEZ');
  });
});

import { describe, expect, it } from 'vitest';
import { CATALOGUES, MESSAGE_KEYS } from '../../src/i18n/catalogue.ts';
import { checkCatalogue } from '../../src/i18n/check-catalogue.ts';
import { createLocale } from '../../src/i18n/locale.ts';
import { en } from '../../src/i18n/messages/en.ts';

describe('message catalogues', () => {
  it.each(Object.entries(CATALOGUES))(
    '%s has exactly the English keys, with the same placeholders and plural shape',
    (language, catalogue) => {
      expect(checkCatalogue(language, catalogue).map((p) => p.message)).toEqual([]);
    },
  );

  it('names the key and the language when a catalogue lacks a key or has one too many', () => {
    const { 'status.resolved': _dropped, ...lacking } = CATALOGUES.es;
    expect(checkCatalogue('es', lacking).map((p) => p.message)).toEqual([
      'The "es" catalogue lacks the key "status.resolved" (English: "Resolved").',
    ]);
    expect(
      checkCatalogue('de', { ...CATALOGUES.de, 'status.paused': 'Pausiert' }).map((p) => p.message),
    ).toEqual([
      'The "de" catalogue has the key "status.paused", which English does not have: remove it or add it to every language.',
    ]);
  });

  it('refuses a placeholder English does not have, a text where plural forms belong, and an unknown plural category', () => {
    const key = MESSAGE_KEYS.find((k) => typeof en[k] === 'object')!;
    const text = MESSAGE_KEYS.find((k) => typeof en[k] === 'string')!;
    const messages = checkCatalogue(
      'fr',
      { [key]: 'texte', [text]: '{oops}' },
      { partial: true },
    ).map((p) => p.message);
    expect(messages).toEqual([
      `"${key}" in the "fr" catalogue depends on a number: write one text per plural form, e.g. \`one:\` and \`other:\`.`,
      `"${text}" in the "fr" catalogue uses {oops}, which this message does not have; it can use no placeholders.`,
    ]);
    expect(
      checkCatalogue('fr', { [key]: { one: 'un', several: 'x' } }, { partial: true }).map(
        (p) => p.message,
      ),
    ).toEqual([
      `"${key}" in the "fr" catalogue lacks its \`other:\` form, the one used for most numbers.`,
      `"${key}" in the "fr" catalogue has the plural form \`several:\`; use \`zero\`, \`one\`, \`two\`, \`few\`, \`many\`, \`other\`.`,
    ]);
  });

  it('gives no two statuses of one language the same word, so an update heading reads back as one status', () => {
    for (const [language, catalogue] of Object.entries(CATALOGUES)) {
      const words = MESSAGE_KEYS.filter((k) => k.startsWith('status.')).map((k) =>
        String(catalogue[k]).toLowerCase(),
      );
      expect(new Set(words).size, language).toBe(words.length);
    }
  });
});

describe('a locale', () => {
  it('fills parameters and picks the plural form by Intl.PluralRules', () => {
    const es = createLocale({ language: 'es', timezone: 'UTC' });
    const en = createLocale({ language: 'en', timezone: 'UTC' });
    expect(es.t('status.in_progress')).toBe('En curso');
    expect(en.t('uptime.days_ago', { count: 1 })).toBe('1 day ago');
    expect(en.t('uptime.days_ago', { count: 90 })).toBe('90 days ago');
    expect(es.t('uptime.days_ago', { count: 1 })).toBe('hace 1 día');
    expect(es.t('home.recent', { count: 7 })).toBe('Resuelto en los últimos 7 días');
    // A `zero:` form, which a team may add, is used for 0 even where Intl's rules have no such category.
    const zero = createLocale({
      language: 'es',
      timezone: 'UTC',
      overrides: {
        'uptime.days_ago': {
          zero: 'hoy mismo',
          one: 'hace {count} día',
          other: 'hace {count} días',
        },
      },
    });
    expect(zero.t('uptime.days_ago', { count: 0 })).toBe('hoy mismo');
    expect(zero.t('uptime.days_ago', { count: 2 })).toBe('hace 2 días');
  });

  it('writes dates, durations and numbers in the page language and zone, whatever the process locale', () => {
    const at = new Date('2026-11-23T12:00:00Z');
    const de = createLocale({ language: 'de', timezone: 'Europe/Berlin' });
    expect(de.dateTime(at)).toBe('23. Nov. 2026, 13:00 MEZ');
    expect(de.duration(125 * 60_000)).toBe('2 Std., 5 Min.');
    expect(de.percent(0.9995)).toBe('99,95\u00a0%');
    const es = createLocale({ language: 'es', timezone: 'UTC' });
    expect(es.month(at)).toBe('noviembre de 2026');
    expect(es.range(at, new Date('2026-11-23T14:30:00Z'))).toBe('23 nov 2026, 12:00 – 14:30 UTC');
    expect(createLocale({ language: 'en', timezone: 'UTC' }).date(at)).toBe('23 Nov 2026');
    expect(createLocale({ language: 'en-US', timezone: 'UTC' }).date(at)).toBe('Nov 23, 2026');
  });

  it('lets a team override a word and keeps the rest built in', () => {
    const nl = createLocale({
      language: 'nl',
      timezone: 'UTC',
      overrides: { 'status.monitoring': 'In de gaten houden' },
    });
    expect(nl.t('status.monitoring')).toBe('In de gaten houden');
    expect(nl.t('status.resolved')).toBe('Opgelost');
  });
});

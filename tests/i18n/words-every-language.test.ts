import { describe, expect, it } from 'vitest';
import { componentStatusSchema } from '../../src/core/schema/common.ts';
import { englishStatusWord, updateStatusSchema } from '../../src/core/schema/update-status.ts';
import { BUILT_IN_LANGUAGES } from '../../src/i18n/catalogue.ts';
import { durationWords } from '../../src/i18n/format.ts';
import { createLocale } from '../../src/i18n/locale.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** From a moment to ten days, across every boundary of the rule: rounding, an hour, two days. */
const DURATIONS: [string, number][] = [
  ['0 s', 0],
  ['20 s', 20 * SECOND],
  ['89 s', 89 * SECOND],
  ['91 s', 91 * SECOND],
  ['59 min 29 s', 59 * MINUTE + 29 * SECOND],
  ['59 min 31 s', 59 * MINUTE + 31 * SECOND],
  ['1 h', HOUR],
  ['1 h 42 min', HOUR + 42 * MINUTE],
  ['47 h 59 min', 47 * HOUR + 59 * MINUTE],
  ['48 h', 2 * DAY],
  ['2 d 4 h 30 min', 2 * DAY + 4 * HOUR + 30 * MINUTE],
  ['10 d', 10 * DAY],
];

const locale = (language: string) => createLocale({ language, timezone: 'UTC' });

describe('durations, in every language', () => {
  it('are written by one rule: the pages, the reader script and the postmortem template agree', () => {
    for (const language of BUILT_IN_LANGUAGES) {
      const reader = durationWords(language);
      for (const [, ms] of DURATIONS) expect(reader(ms)).toBe(locale(language).duration(ms));
    }
  });

  it('read as decided, from seconds to days', () => {
    const table = Object.fromEntries(
      BUILT_IN_LANGUAGES.map((language) => [
        language,
        Object.fromEntries(DURATIONS.map(([label, ms]) => [label, locale(language).duration(ms)])),
      ]),
    );
    expect(table).toMatchInlineSnapshot(`
      {
        "de": {
          "0 s": "1 Min.",
          "1 h": "1 Std.",
          "1 h 42 min": "1 Std., 42 Min.",
          "10 d": "10 Tg.",
          "2 d 4 h 30 min": "2 Tg., 4 Std.",
          "20 s": "1 Min.",
          "47 h 59 min": "47 Std., 59 Min.",
          "48 h": "2 Tg.",
          "59 min 29 s": "59 Min.",
          "59 min 31 s": "1 Std.",
          "89 s": "1 Min.",
          "91 s": "2 Min.",
        },
        "en": {
          "0 s": "1 min",
          "1 h": "1 hr",
          "1 h 42 min": "1 hr, 42 mins",
          "10 d": "10 days",
          "2 d 4 h 30 min": "2 days, 4 hrs",
          "20 s": "1 min",
          "47 h 59 min": "47 hrs, 59 mins",
          "48 h": "2 days",
          "59 min 29 s": "59 mins",
          "59 min 31 s": "1 hr",
          "89 s": "1 min",
          "91 s": "2 mins",
        },
        "es": {
          "0 s": "1 min",
          "1 h": "1 h",
          "1 h 42 min": "1 h y 42 min",
          "10 d": "10 d",
          "2 d 4 h 30 min": "2 d y 4 h",
          "20 s": "1 min",
          "47 h 59 min": "47 h y 59 min",
          "48 h": "2 d",
          "59 min 29 s": "59 min",
          "59 min 31 s": "1 h",
          "89 s": "1 min",
          "91 s": "2 min",
        },
        "fr": {
          "0 s": "1 min",
          "1 h": "1 h",
          "1 h 42 min": "1 h et 42 min",
          "10 d": "10 j",
          "2 d 4 h 30 min": "2 j et 4 h",
          "20 s": "1 min",
          "47 h 59 min": "47 h et 59 min",
          "48 h": "2 j",
          "59 min 29 s": "59 min",
          "59 min 31 s": "1 h",
          "89 s": "1 min",
          "91 s": "2 min",
        },
        "nl": {
          "0 s": "1 min",
          "1 h": "1 uur",
          "1 h 42 min": "1 uur, 42 min",
          "10 d": "10 dagen",
          "2 d 4 h 30 min": "2 dagen, 4 uur",
          "20 s": "1 min",
          "47 h 59 min": "47 uur, 59 min",
          "48 h": "2 dagen",
          "59 min 29 s": "59 min",
          "59 min 31 s": "1 uur",
          "89 s": "1 min",
          "91 s": "2 min",
        },
      }
    `);
  });
});

describe('status words, in every language', () => {
  it('come from the catalogue: the English words of messages to the team are the English page words', () => {
    for (const status of updateStatusSchema.options)
      expect(englishStatusWord(status)).toBe(locale('en').t(`status.${status}`));
  });

  it('read as decided, for every update and component status', () => {
    const table = Object.fromEntries(
      BUILT_IN_LANGUAGES.map((language) => {
        const { t } = locale(language);
        return [
          language,
          [
            ...updateStatusSchema.options.map((s) => t(`status.${s}`)),
            ...componentStatusSchema.options.map((s) => t(`component_status.${s}`)),
          ].join(' | '),
        ];
      }),
    );
    expect(table).toMatchInlineSnapshot(`
      {
        "de": "Untersuchung | Ursache gefunden | Beobachtung | Behoben | Geplant | Läuft | Überprüfung | Abgeschlossen | Aktualisierung | Betriebsbereit | Eingeschränkte Leistung | Teilausfall | Schwerer Ausfall | In Wartung",
        "en": "Investigating | Identified | Monitoring | Resolved | Scheduled | In progress | Verifying | Completed | Update | Operational | Degraded performance | Partial outage | Major outage | Under maintenance",
        "es": "Investigando | Identificado | En observación | Resuelto | Programado | En curso | Verificando | Completado | Actualización | Operativo | Rendimiento degradado | Interrupción parcial | Interrupción grave | En mantenimiento",
        "fr": "Analyse en cours | Cause identifiée | Surveillance | Résolu | Planifiée | En cours | Vérification | Terminée | Mise à jour | Opérationnel | Performances dégradées | Panne partielle | Panne majeure | En maintenance",
        "nl": "Onderzoek | Oorzaak gevonden | Monitoring | Opgelost | Gepland | Bezig | Controle | Voltooid | Update | Operationeel | Verminderde prestaties | Gedeeltelijke storing | Ernstige storing | In onderhoud",
      }
    `);
  });
});

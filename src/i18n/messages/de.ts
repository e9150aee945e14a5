import type { Catalogue } from '../catalogue.ts';

// Deutsch: wie eine Statusseite Kundinnen und Kunden anspricht, klar und ohne Jargon.
export const de: Catalogue = {
  'status.investigating': 'Untersuchung',
  'status.identified': 'Ursache gefunden',
  'status.monitoring': 'Beobachtung',
  'status.resolved': 'Behoben',
  'status.scheduled': 'Geplant',
  'status.in_progress': 'Läuft',
  'status.verifying': 'Überprüfung',
  'status.completed': 'Abgeschlossen',
  'status.update': 'Aktualisierung',

  'component_status.operational': 'Betriebsbereit',
  'component_status.degraded_performance': 'Eingeschränkte Leistung',
  'component_status.partial_outage': 'Teilausfall',
  'component_status.major_outage': 'Schwerer Ausfall',
  'component_status.under_maintenance': 'In Wartung',

  'impact.none': 'Keine Auswirkung',
  'impact.minor': 'Gering',
  'impact.major': 'Erheblich',
  'impact.critical': 'Kritisch',

  'count.incidents': { zero: 'Keine Störungen', one: '{count} Störung', other: '{count} Störungen' },
};

import type { Catalogue } from '../catalogue.ts';

// Nederlands: zoals een statuspagina klanten aanspreekt, duidelijk en zonder jargon.
export const nl: Catalogue = {
  'status.investigating': 'Onderzoek',
  'status.identified': 'Oorzaak gevonden',
  'status.monitoring': 'Monitoring',
  'status.resolved': 'Opgelost',
  'status.scheduled': 'Gepland',
  'status.in_progress': 'Bezig',
  'status.verifying': 'Controle',
  'status.completed': 'Voltooid',
  'status.update': 'Update',

  'component_status.operational': 'Operationeel',
  'component_status.degraded_performance': 'Verminderde prestaties',
  'component_status.partial_outage': 'Gedeeltelijke storing',
  'component_status.major_outage': 'Ernstige storing',
  'component_status.under_maintenance': 'In onderhoud',

  'impact.none': 'Geen impact',
  'impact.minor': 'Klein',
  'impact.major': 'Groot',
  'impact.critical': 'Kritiek',

  'count.incidents': { zero: 'Geen incidenten', one: '{count} incident', other: '{count} incidenten' },
};

import type { Catalogue } from '../catalogue.ts';

// Français : le ton d'une page de statut pour les clients, clair et sans jargon.
export const fr: Catalogue = {
  'status.investigating': 'Analyse en cours',
  'status.identified': 'Cause identifiée',
  'status.monitoring': 'Surveillance',
  'status.resolved': 'Résolu',
  'status.scheduled': 'Planifiée',
  'status.in_progress': 'En cours',
  'status.verifying': 'Vérification',
  'status.completed': 'Terminée',
  'status.update': 'Mise à jour',

  'component_status.operational': 'Opérationnel',
  'component_status.degraded_performance': 'Performances dégradées',
  'component_status.partial_outage': 'Panne partielle',
  'component_status.major_outage': 'Panne majeure',
  'component_status.under_maintenance': 'En maintenance',

  'impact.none': 'Aucun impact',
  'impact.minor': 'Mineur',
  'impact.major': 'Majeur',
  'impact.critical': 'Critique',

  'count.incidents': { zero: 'Aucun incident', one: '{count} incident', other: '{count} incidents' },
};

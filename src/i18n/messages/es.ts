import type { Catalogue } from '../catalogue.ts';

// Español: el tono de una página de estado para clientes, claro y sin jerga.
export const es: Catalogue = {
  'status.investigating': 'Investigando',
  'status.identified': 'Identificado',
  'status.monitoring': 'En observación',
  'status.resolved': 'Resuelto',
  'status.scheduled': 'Programado',
  'status.in_progress': 'En curso',
  'status.verifying': 'Verificando',
  'status.completed': 'Completado',
  'status.update': 'Actualización',

  'component_status.operational': 'Operativo',
  'component_status.degraded_performance': 'Rendimiento degradado',
  'component_status.partial_outage': 'Interrupción parcial',
  'component_status.major_outage': 'Interrupción grave',
  'component_status.under_maintenance': 'En mantenimiento',

  'impact.none': 'Sin impacto',
  'impact.minor': 'Leve',
  'impact.major': 'Grave',
  'impact.critical': 'Crítico',

  'count.incidents': { zero: 'Ninguna incidencia', one: '{count} incidencia', other: '{count} incidencias' },
};

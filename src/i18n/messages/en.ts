// The English catalogue: the reference every other language has exactly the keys of.
// Keys are `area.name`; `{name}` is a parameter; an object is one text per plural category.
export const en = {
  // Update statuses: shown on pages, feeds and notices, and accepted in update headings.
  'status.investigating': 'Investigating',
  'status.identified': 'Identified',
  'status.monitoring': 'Monitoring',
  'status.resolved': 'Resolved',
  'status.scheduled': 'Scheduled',
  'status.in_progress': 'In progress',
  'status.verifying': 'Verifying',
  'status.completed': 'Completed',
  'status.update': 'Update',

  'component_status.operational': 'Operational',
  'component_status.degraded_performance': 'Degraded performance',
  'component_status.partial_outage': 'Partial outage',
  'component_status.major_outage': 'Major outage',
  'component_status.under_maintenance': 'Under maintenance',

  'impact.none': 'No impact',
  'impact.minor': 'Minor',
  'impact.major': 'Major',
  'impact.critical': 'Critical',

  'count.incidents': { one: '{count} incident', other: '{count} incidents' },
} as const;

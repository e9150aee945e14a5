import { error, type Diagnostic } from './diagnostics.ts';
import type { ComponentReference } from './load-incident.ts';
import type { Incident } from './model.ts';
import type { PageConfig } from './schema/page-config.ts';

/** Components the public never sees: internal ones, and every component of an internal group. */
export function internalComponentIds(config: PageConfig): Set<string> {
  const internalGroups = new Set(config.groups.filter((g) => g.visibility === 'internal').map((g) => g.id));
  return new Set(
    config.components.filter((c) => c.visibility === 'internal' || (c.group !== undefined && internalGroups.has(c.group))).map((c) => c.id),
  );
}

/** A public incident that names an internal component would reveal that the component exists. */
export function internalReferencesInPublicIncident(incident: Incident, references: ComponentReference[], internal: Set<string>): Diagnostic[] {
  if (incident.visibility !== 'public') return [];
  return references
    .filter((reference) => internal.has(reference.id))
    .map((reference) =>
      error(incident.file, reference.position, 'internal-component-in-public-incident',
        `"${reference.id}" is an internal component, but this incident is public: naming it would reveal that it exists.`,
        'Set `visibility: internal` on the incident, or leave the component out and describe the impact in public terms.'),
    );
}

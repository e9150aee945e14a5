import { error, warning, type Diagnostic } from './diagnostics.ts';
import { ownValue } from './own.ts';
import type { ComponentReference } from './load-incident.ts';
import type { Incident } from './model.ts';
import { publicMarkdown } from './public-text.ts';
import type { PageConfig } from './schema/page-config.ts';

/** Components the public never sees: internal ones, and every component of an internal group. */
export function internalComponentIds(config: PageConfig): Set<string> {
  const internalGroups = new Set(
    config.groups.filter((g) => g.visibility === 'internal').map((g) => g.id),
  );
  return new Set(
    config.components
      .filter(
        (c) =>
          c.visibility === 'internal' || (c.group !== undefined && internalGroups.has(c.group)),
      )
      .map((c) => c.id),
  );
}

/** A public incident that names an internal component would reveal that the component exists. */
export function internalReferencesInPublicIncident(
  incident: Incident,
  references: ComponentReference[],
  internal: Set<string>,
): Diagnostic[] {
  if (incident.visibility !== 'public') return [];
  return references
    .filter((reference) => internal.has(reference.id))
    .map((reference) =>
      error(
        incident.file,
        reference.position,
        'internal-component-in-public-incident',
        `"${reference.id}" is an internal component, but this incident is public: naming it would reveal that it exists.`,
        'Set `visibility: internal` on the incident, or leave the component out and describe the impact in public terms.',
      ),
    );
}

/**
 * An update whose text is all internal is left out of the public view (audience.ts). That is only
 * right for a note: one that changes the status or a public component would change the public page
 * without a word, or be lost from it, so it is refused.
 */
export function internalOnlyUpdates(incident: Incident, internal: Set<string>): Diagnostic[] {
  if (incident.visibility !== 'public') return [];
  const publicStatuses = (components: Record<string, string>) =>
    JSON.stringify(Object.entries(components).filter(([id]) => !internal.has(id)));
  return incident.updates.flatMap((update, i) => {
    if (update.body.trim() === '' || publicMarkdown(update.body) !== '') return [];
    const before = incident.updates[i - 1];
    const changes =
      update.written !== 'update' ||
      publicStatuses(update.components) !==
        publicStatuses(before?.components ?? incident.components);
    if (!changes) return [];
    return [
      error(
        incident.file,
        update.position,
        'internal-only-update',
        'All the text of this update is internal, but the update changes what the public page shows: readers would see the change without a word.',
        'Add a public sentence outside the internal block (what changed for users), or make it an `Update` that changes no public component.',
      ),
    ];
  });
}

const OUTAGES: ReadonlySet<string> = new Set(['partial_outage', 'major_outage']);

/**
 * An internal incident never changes the public page (its status, uptime or history): that would
 * reveal it. When it puts a public component in an outage, the public page says that component is
 * fine while it is not, so check says so.
 */
export function internalIncidentOnPublicComponents(
  incident: Incident,
  references: ComponentReference[],
  internal: Set<string>,
): Diagnostic[] {
  if (incident.visibility !== 'internal') return [];
  const warned = new Set<string>();
  return references.flatMap((reference) => {
    const id = reference.id;
    if (internal.has(id) || warned.has(id)) return [];
    const statuses = [
      ownValue(incident.components, id),
      ...incident.updates.map((u) => ownValue(u.components, id)),
    ];
    if (!statuses.some((s) => s !== undefined && OUTAGES.has(s))) return [];
    warned.add(id);
    return [
      warning(
        incident.file,
        reference.position,
        'internal-incident-public-outage',
        `This internal incident puts the public component ${JSON.stringify(id)} in an outage, but the public page will show it as usual: internal incidents never change the public status or uptime.`,
        'If users are affected, open a public incident (it may link to this one internally); otherwise give the public component a status that is not an outage here.',
      ),
    ];
  });
}

import type { StatusModel } from '../../core/model.ts';
import { loadIncident } from '../../core/load-incident.ts';
import { CONFIG_FILE } from '../../core/read-repository.ts';
import { fileExists, incidentPath } from '../incident-path.ts';
import { renderIncidentFile, writeTime, type NewFrontmatter } from '../incident-text.ts';
import type { FileChange } from '../validate-changes.ts';
import { addComponents } from './add-components.ts';
import type { ComponentRegistry } from './component-registry.ts';
import type { ImportedIncident } from './imported.ts';
import { readRepositoryText } from '../read-text.ts';

interface ImportPlan {
  changes: FileChange[];
  /** Incidents left out: a file of that name exists (an earlier import), or theirs would not be valid. */
  skipped: string[];
}

/**
 * The files an import writes: one per incident, named like `npx candor new` names them, and
 * components.yaml with the components (and groups) the incidents need. An incident whose file
 * already exists is left as it is, so importing the same export twice changes nothing; one whose
 * file would not validate is left out with the reason, so it never blocks the rest.
 */
export async function planImport(
  root: string,
  model: StatusModel,
  incidents: readonly ImportedIncident[],
  registry: ComponentRegistry,
  schemas: string,
): Promise<ImportPlan> {
  const changes: FileChange[] = [];
  const skipped: string[] = [];
  const taken = new Set(model.incidents.map((i) => i.id));
  for (const incident of incidents) {
    const day = incident.started ?? incident.scheduledFor ?? incident.sections[0]!.at;
    const first = incidentPath(day, incident.title);
    if (await fileExists(root, first.path)) {
      skipped.push(`${incident.source}: ${first.path} exists already; it was left as it is.`);
      continue;
    }
    let n = 1;
    while (taken.has(incidentPath(day, incident.title, n).id)) n++;
    const { id, path } = incidentPath(day, incident.title, n);
    const text = renderImported(path, incident, schemas);
    const errors = loadIncident({ path, bytes: new TextEncoder().encode(text) }).diagnostics.filter(
      (d) => d.severity === 'error',
    );
    if (errors.length > 0) {
      skipped.push(
        `${incident.source}: not imported, because the file would not be valid: ${errors.map((d) => `${d.message} ${d.hint ?? ''}`.trim()).join(' ')}`,
      );
      continue;
    }
    taken.add(id);
    changes.push({ path, text });
  }
  if (registry.added.length > 0 || registry.addedGroups.length > 0) {
    const config = await readRepositoryText(root, CONFIG_FILE);
    changes.push({
      path: CONFIG_FILE,
      text: addComponents(config, registry.added, registry.addedGroups),
    });
  }
  return { changes, skipped };
}

function renderImported(path: string, incident: ImportedIncident, schemas: string): string {
  const frontmatter: NewFrontmatter = {
    title: incident.title,
    ...(incident.kind === 'maintenance' ? { kind: 'maintenance' as const } : {}),
    ...(incident.impact ? { impact: incident.impact } : {}),
    ...(incident.scheduledFor ? { scheduled_for: writeTime(incident.scheduledFor) } : {}),
    ...(incident.scheduledUntil ? { scheduled_until: writeTime(incident.scheduledUntil) } : {}),
    ...(incident.started ? { started: writeTime(incident.started) } : {}),
    ...(Object.keys(incident.components).length > 0 ? { components: incident.components } : {}),
  };
  return renderIncidentFile({
    path,
    frontmatter,
    summary: incident.summary,
    sections: incident.sections,
    ...(incident.postmortem ? { postmortem: incident.postmortem } : {}),
    schemas,
  });
}

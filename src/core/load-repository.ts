import {
  error,
  excerpt,
  sortDiagnostics,
  suggest,
  warning,
  type Diagnostic,
} from './diagnostics.ts';
import {
  internalComponentIds,
  internalIncidentOnPublicComponents,
  internalOnlyUpdates,
  internalReferencesInPublicIncident,
} from './audience-rules.ts';
import { headingWords } from './heading-words.ts';
import { loadPageWords } from './load-locale.ts';
import { loadIncident, type LoadedIncident } from './load-incident.ts';
import { loadPageConfig } from './load-page-config.ts';
import type { Incident, StatusModel } from './model.ts';
import { isOpen, lifecycleAt, publishedUpdates } from './status.ts';
import type { SourceFile } from './source-text.ts';
import { englishStatusWord } from './schema/update-status.ts';
import { describeTime } from './timestamp.ts';

export interface RepositoryFiles {
  /** components.yaml, or undefined when the repository has none. */
  config?: SourceFile;
  /** Every `.md` file under incidents/. */
  incidents: SourceFile[];
  /** Files that were not read: links, folders where a file belongs, devices (see read-source-file.ts). */
  /** locales/<language>.yaml: the team's words. */
  locales?: SourceFile[];
  refused?: Diagnostic[];
}

export interface LoadResult {
  /** The model built from every file that could be read; undefined when components.yaml is unusable. */
  model?: StatusModel;
  diagnostics: Diagnostic[];
}

/** Incidents open longer than this get a warning: they are probably forgotten. */
const STALE_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Files in, validated model and diagnostics out. Never throws on user input. `now` decides the
 * warnings that depend on time (a promised update that is late, an incident open too long).
 */
export function loadRepository(files: RepositoryFiles, options: { now: Date }): LoadResult {
  const diagnostics: Diagnostic[] = [...(files.refused ?? [])];
  if (!files.config && !diagnostics.some((d) => d.file === 'components.yaml')) {
    diagnostics.push(
      error(
        'components.yaml',
        { line: 1, column: 1 },
        'missing-file',
        'components.yaml is missing.',
        'Create components.yaml at the repository root with `page:` and `components:`; see the README.',
      ),
    );
  }
  const page = files.config ? loadPageConfig(files.config) : undefined;
  if (page) diagnostics.push(...page.diagnostics);
  const config = page?.config;

  const pageWords =
    config &&
    loadPageWords(
      files.locales ?? [],
      config.page.language,
      page?.languageAt ?? { line: 1, column: 1 },
    );
  if (pageWords) diagnostics.push(...pageWords.diagnostics);
  const words = headingWords(config?.page.language, pageWords?.words);
  const loaded = files.incidents.map((file) => loadIncident(file, words));
  const incidents: Incident[] = [];
  const firstFileForId = new Map<string, LoadedIncident>();
  const componentIds = config?.components.map((c) => c.id) ?? [];
  const internal = config && internalComponentIds(config);
  for (const [i, entry] of loaded.entries()) {
    diagnostics.push(...entry.diagnostics);
    const file = files.incidents[i]!.path;
    if (config) {
      for (const reference of entry.references) {
        if (!componentIds.includes(reference.id)) {
          diagnostics.push(
            error(
              file,
              reference.position,
              'unknown-component',
              `There is no component ${excerpt(reference.id)} in components.yaml.`,
              suggest(reference.id, componentIds, 'a declared component id'),
            ),
          );
        }
      }
    }
    const incident = entry.incident;
    if (!incident) continue;
    if (internal) {
      diagnostics.push(
        ...internalReferencesInPublicIncident(incident, entry.references, internal),
        ...internalOnlyUpdates(incident, internal),
        ...internalIncidentOnPublicComponents(incident, entry.references, internal),
      );
    }
    const earlier = firstFileForId.get(incident.id);
    if (earlier) {
      diagnostics.push(
        error(
          incident.file,
          entry.idPosition!,
          'duplicate-id',
          `The id "${incident.id}" is already used by ${earlier.incident!.file}.`,
          'Give one of them another file name, or another `id:` in its frontmatter.',
        ),
      );
      continue;
    }
    firstFileForId.set(incident.id, entry);
    diagnostics.push(...timeWarnings(incident, options.now));
    incidents.push(incident);
  }
  incidents.sort((a, b) => b.started.getTime() - a.started.getTime() || (a.id < b.id ? -1 : 1));

  const model: StatusModel | undefined = config && {
    page: config.page,
    groups: config.groups,
    components: config.components,
    uptimeWeights: config.uptime.weights,
    severity: config.severity,
    ...(pageWords?.words ? { words: pageWords.words } : {}),
    incidents,
  };
  return { ...(model ? { model } : {}), diagnostics: sortDiagnostics(diagnostics) };
}

function timeWarnings(incident: Incident, now: Date): Diagnostic[] {
  const out: Diagnostic[] = [];
  const published = publishedUpdates(incident, now);
  for (const update of incident.updates.slice(published.length)) {
    out.push(
      warning(
        incident.file,
        update.position,
        'update-in-future',
        `This update is dated ${describeTime(update.at)}, in the future; it stays hidden until then.`,
        'Check the time and its zone; write the time the update is posted.',
      ),
    );
  }
  if (published.length === 0 || !isOpen(lifecycleAt(incident, now))) return out;
  const last = published.at(-1)!;
  if (incident.kind === 'maintenance') {
    // An update keeps a maintenance open past its window: right for an overrun, but more often a
    // forgotten "Completed", which leaves components under maintenance on the page.
    if (incident.scheduledUntil && incident.scheduledUntil < now) {
      out.push(
        warning(
          incident.file,
          last.position,
          'maintenance-overrun',
          `The maintenance window ended at ${describeTime(incident.scheduledUntil)}, but the last update still says "${englishStatusWord(last.status)}".`,
          'Post a Completed update when the work is done; if it overruns, say so in an update and move `scheduled_until`.',
        ),
      );
    }
    return out;
  }
  if (incident.nextUpdate && incident.nextUpdate < now && last.at < incident.nextUpdate) {
    out.push(
      warning(
        incident.file,
        last.position,
        'next-update-overdue',
        `The next update was promised for ${describeTime(incident.nextUpdate)} and is late.`,
        'Post an update now, even if nothing has changed, and set a new `next_update`.',
      ),
    );
  }
  if (now.getTime() - incident.started.getTime() > STALE_AFTER_MS) {
    out.push(
      warning(
        incident.file,
        last.position,
        'open-too-long',
        `This incident has been open since ${incident.started.toISOString().slice(0, 10)}, more than 7 days.`,
        'Resolve it if it is over, or post an update saying what is still affected.',
      ),
    );
  }
  return out;
}

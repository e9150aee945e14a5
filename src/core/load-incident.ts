import type * as z from 'zod';
import { error, warning, type Diagnostic, type Position } from './diagnostics.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { checkMarkdownBounds } from './input-bounds.ts';
import { checkInternalBlocks } from './internal-blocks.ts';
import { headingWords, type HeadingWords } from './heading-words.ts';
import { parseIncidentBody, type ParsedUpdate } from './incident-body.ts';
import type { ComponentStatus, Incident, Update } from './model.ts';
import { idSchema } from './schema/common.ts';
import {
  incidentFrontmatterSchema,
  type IncidentFrontmatter,
} from './schema/incident-frontmatter.ts';
import { schemaDiagnostics } from './schema-diagnostics.ts';
import {
  incidentStatusSchema,
  maintenanceStatusSchema,
  englishStatusWord,
  type UpdateStatus,
} from './schema/update-status.ts';
import { decodeSource, type SourceFile } from './source-text.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';
import { slugify } from './slug.ts';
import { describeTime } from './timestamp.ts';
import { ongoingWording, placeholderDiagnostics } from './draft-text.ts';
import { isEnded } from './status.ts';

/** A component id written in an incident file, kept with its position for the cross-file check. */
export interface ComponentReference {
  id: string;
  position: Position;
}

export interface LoadedIncident {
  incident?: Incident;
  /** Where the id came from, for duplicate-id messages. */
  idPosition?: Position;
  references: ComponentReference[];
  diagnostics: Diagnostic[];
}

/**
 * Reads one incident or maintenance file into the model, with every problem found in it. `words`:
 * the heading words of the page's language, besides English.
 */
export function loadIncident(
  file: SourceFile,
  words: HeadingWords = headingWords(),
): LoadedIncident {
  const path = file.path;
  const failed = (diagnostics: Diagnostic[]): LoadedIncident => ({ references: [], diagnostics });
  const decoded = decodeSource(file);
  if (decoded.text === undefined) return failed(decoded.diagnostics);
  const { split, diagnostics: splitDiagnostics } = splitFrontmatter(path, decoded.text);
  if (!split) return failed(splitDiagnostics);

  const source = parseYamlSource(path, split.yaml, split.yamlLineOffset);
  const body = parseIncidentBody(path, split.body, split.bodyLineOffset, words);
  body.diagnostics.push(...checkMarkdownBounds(path, split.body, split.bodyLineOffset + 1));
  const updateReferences = body.body.updates.flatMap((u) =>
    u.componentChanges.map(({ id, position }) => ({ id, position })),
  );
  // An unreadable or invalid frontmatter still lets the body and the component ids be checked, so
  // one run reports every mistake in the file rather than one at a time.
  if (source.value === undefined && source.diagnostics.length > 0) {
    return {
      references: updateReferences,
      diagnostics: [...source.diagnostics, ...body.diagnostics],
    };
  }
  const parsed = incidentFrontmatterSchema.safeParse(source.value ?? {});
  const schemaProblems = parsed.success
    ? []
    : schemaDiagnostics(path, incidentFrontmatterSchema, source, parsed.error.issues);
  // With the keys in error left out, the rest of the file can still be checked; the rules about
  // those keys wait until they are fixed.
  const broken = new Set(parsed.success ? [] : parsed.error.issues.flatMap(brokenKeys));
  const salvaged = parsed.success
    ? parsed
    : incidentFrontmatterSchema.safeParse(withoutKeys(source.value ?? {}, broken));
  if (!salvaged.success || broken.has('kind')) {
    return {
      references: [...rawComponentReferences(source), ...updateReferences],
      diagnostics: [...schemaProblems, ...body.diagnostics],
    };
  }
  const front = salvaged.data;
  const diagnostics = [...schemaProblems, ...body.diagnostics];
  if (front.workaround)
    diagnostics.push(
      ...checkMarkdownBounds(path, front.workaround, source.locate(['workaround']).line),
    );
  const fileName = path.split('/').pop()!.replace(/\.md$/i, '');
  const idPosition = front.id !== undefined ? source.locate(['id']) : { line: 1, column: 1 };
  if (front.id === undefined && !broken.has('id') && !idSchema.safeParse(fileName).success) {
    diagnostics.push(
      error(
        path,
        idPosition,
        'file-name',
        `The file name "${fileName}" cannot be used as an id (it appears in URLs).`,
        `Rename the file to lower-case letters, digits and "-" (e.g. \`${slugify(fileName)}.md\`), or set \`id:\` in the frontmatter.`,
      ),
    );
  }
  const id = front.id ?? fileName;
  const fm = (key: keyof IncidentFrontmatter) => source.locate([key], { key: true });
  const isMaintenance = front.kind === 'maintenance';
  // A key that is missing is reported where the frontmatter's keys start, or at the key that requires it.
  const frontmatterStart = source.locate([]);

  if (!isMaintenance && front.impact === undefined && !broken.has('impact')) {
    diagnostics.push(
      error(
        path,
        frontmatterStart,
        'missing-key',
        'Missing required key "impact".',
        'Add `impact:` with one of none, minor, major, critical.',
      ),
    );
  }
  for (const key of ['scheduled_for', 'scheduled_until'] as const) {
    if (!isMaintenance && front[key] !== undefined) {
      diagnostics.push(
        error(
          path,
          fm(key),
          'maintenance-only-key',
          `\`${key}\` is only for maintenance.`,
          'Add `kind: maintenance` if this is planned work, or remove the key.',
        ),
      );
    }
    if (isMaintenance && front[key] === undefined && !broken.has(key)) {
      diagnostics.push(
        error(
          path,
          fm('kind'),
          'missing-key',
          `A maintenance needs \`${key}\`.`,
          `Add \`${key}: 2026-11-22 02:00 UTC\` with the window's ${key === 'scheduled_for' ? 'start' : 'end'}.`,
        ),
      );
    }
  }
  if (
    front.scheduled_for &&
    front.scheduled_until &&
    front.scheduled_until <= front.scheduled_for
  ) {
    diagnostics.push(
      error(
        path,
        source.locate(['scheduled_until']),
        'maintenance-window',
        'The maintenance window ends before it starts.',
        '`scheduled_until` must be later than `scheduled_for`.',
      ),
    );
  }

  if (front.workaround !== undefined)
    diagnostics.push(
      ...checkInternalBlocks(
        path,
        front.workaround,
        workaroundFirstLine(split.yaml, source.locate(['workaround']), split.yamlLineOffset),
      ),
    );

  const declared = declaredComponents(front);
  const references: ComponentReference[] = [...rawComponentReferences(source), ...updateReferences];
  if (!isMaintenance && Array.isArray(front.components) && front.components.length > 0) {
    diagnostics.push(
      error(
        path,
        source.locate(['components']),
        'invalid-type',
        'An incident must give each affected component its status.',
        'Write `components:` as a mapping, e.g. `api: partial_outage`.',
      ),
    );
  }

  const updates = buildUpdates(path, id, front.kind, body.body.updates, declared, diagnostics);
  if (front.started && updates[0] && front.started > updates[0].at) {
    diagnostics.push(
      error(
        path,
        source.locate(['started']),
        'started-after-update',
        `\`started\` (${describeTime(front.started)}) is later than the first update (${describeTime(updates[0].at)}).`,
        "`started` is when users were first affected, at or before the first update: correct it, or remove it to use the first update's time.",
      ),
    );
  }
  if (
    !isMaintenance &&
    !broken.has('components') &&
    updates.length > 0 &&
    !isEnded(updates.at(-1)!.status) &&
    Object.keys(declared).length === 0
  ) {
    diagnostics.push(
      warning(
        path,
        fm('components'),
        'no-components',
        'This open incident names no affected component, so the page shows everything as operational.',
        'List the affected components under `components:` with their status, e.g. `api: partial_outage`.',
      ),
    );
  }
  if (body.body.updates.length === 0 && !body.diagnostics.some((d) => d.severity === 'error')) {
    // The line after the closing fence, or the fence itself when nothing follows it.
    const line = split.body.trim() === '' ? split.bodyLineOffset : split.bodyLineOffset + 1;
    diagnostics.push(
      error(
        path,
        { line, column: 1 },
        'no-updates',
        isMaintenance
          ? 'This maintenance has no update: readers would not see it announced.'
          : 'This incident has no update.',
        `Add an update under the summary: \`## 2026-11-22 14:03 UTC · ${isMaintenance ? 'Scheduled' : 'Investigating'}\` followed by what is happening.`,
      ),
    );
  }

  diagnostics.push(
    ...placeholderDiagnostics(path, decoded.text, {
      ...(body.body.postmortem ? { postmortemLine: body.body.postmortem.position.line } : {}),
      isPublic: front.visibility === 'public',
    }),
  );
  const ongoing =
    updates.length > 0 && isEnded(updates.at(-1)!.status)
      ? ongoingWording(body.body.summary)
      : undefined;
  if (ongoing) {
    const line =
      split.bodyLineOffset +
      1 +
      Math.max(
        0,
        split.body.split('\n').findIndex((l) => l.trim() !== ''),
      );
    diagnostics.push(
      warning(
        path,
        { line, column: 1 },
        'summary-ongoing',
        `This ${isMaintenance ? 'maintenance is over' : 'incident is resolved'}, but its summary still says "${ongoing}".`,
        'Readers see the summary first: say in the past tense what happened and for how long.',
      ),
    );
  }

  const incident: Incident = {
    id,
    file: path,
    kind: front.kind,
    title: front.title,
    impact: front.impact ?? 'none',
    visibility: front.visibility,
    summary: body.body.summary,
    updates,
    ...(body.body.postmortem ? { postmortem: body.body.postmortem } : {}),
    components: declared,
    started:
      front.started ??
      (isMaintenance ? front.scheduled_for : undefined) ??
      updates[0]?.at ??
      new Date(0),
    ...(front.scheduled_for ? { scheduledFor: front.scheduled_for } : {}),
    ...(front.scheduled_until ? { scheduledUntil: front.scheduled_until } : {}),
    ...(front.eta ? { eta: front.eta } : {}),
    ...(front.next_update ? { nextUpdate: front.next_update } : {}),
    ...(front.workaround ? { workaround: front.workaround } : {}),
    ...(front.contact ? { contact: front.contact } : {}),
  };
  return parsed.success
    ? { incident, idPosition, references, diagnostics }
    : { references, diagnostics };
}

/** The line the workaround's text starts on: the value's own line, or the next one for a `|` or `>` block. */
function workaroundFirstLine(yaml: string, value: Position, lineOffset: number): number {
  const written = yaml.split('\n')[value.line - lineOffset - 1] ?? '';
  return /^[|>]/.test(written.slice(value.column - 1)) ? value.line + 1 : value.line;
}

/** The top-level keys an issue is about: the ones to leave out when checking the rest. */
function brokenKeys(issue: z.core.$ZodIssue): string[] {
  if (issue.path.length > 0) return [String(issue.path[0])];
  return issue.code === 'unrecognized_keys' ? issue.keys : [];
}

function withoutKeys(value: unknown, keys: ReadonlySet<string>): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.has(key)));
}

/** The component ids written under `components:`, whether the rest of the frontmatter is valid or not. */
function rawComponentReferences(source: YamlSource): ComponentReference[] {
  const raw = (source.value as { components?: unknown } | null | undefined)?.components;
  if (Array.isArray(raw)) {
    return raw.flatMap((id, i) =>
      typeof id === 'string' ? [{ id, position: source.locate(['components', i]) }] : [],
    );
  }
  if (raw !== null && typeof raw === 'object') {
    return Object.keys(raw).map((id) => ({
      id,
      position: source.locate(['components', id], { key: true }),
    }));
  }
  return [];
}

function declaredComponents(front: IncidentFrontmatter): Record<string, ComponentStatus> {
  if (!Array.isArray(front.components)) return { ...front.components };
  return Object.fromEntries(
    front.components.map((id) => [
      id,
      front.kind === 'maintenance' ? 'under_maintenance' : 'partial_outage',
    ]),
  );
}

/** Orders, checks and resolves the updates: each one's effective status and component statuses. */
function buildUpdates(
  path: string,
  incidentId: string,
  kind: IncidentFrontmatter['kind'],
  parsed: ParsedUpdate[],
  declared: Record<string, ComponentStatus>,
  diagnostics: Diagnostic[],
): Update[] {
  const allowed: readonly UpdateStatus[] =
    kind === 'maintenance' ? maintenanceStatusSchema.options : incidentStatusSchema.options;
  const other = kind === 'maintenance' ? 'an incident' : 'a maintenance';
  const updates: Update[] = [];
  let components = { ...declared };
  let previous: Update | undefined;
  for (const update of parsed) {
    if (update.status !== 'update' && !allowed.includes(update.status)) {
      diagnostics.push(
        error(
          path,
          update.position,
          'status-wrong-kind',
          `"${englishStatusWord(update.status)}" is ${other} status; this file is ${kind === 'maintenance' ? 'a maintenance' : 'an incident'}.`,
          `Use one of: ${allowed.map(englishStatusWord).join(', ')}, or Update.`,
        ),
      );
      continue;
    }
    if (previous && update.at.getTime() < previous.at.getTime()) {
      diagnostics.push(
        error(
          path,
          update.position,
          'update-order',
          `This update (${describeTime(update.at)}) is earlier than the one above it (${describeTime(previous.at)}).`,
          'Keep updates in time order, oldest first, and check the time and zone.',
        ),
      );
      continue;
    }
    if (previous && update.at.getTime() === previous.at.getTime()) {
      const later = new Date(update.at.getTime() + 30_000);
      diagnostics.push(
        error(
          path,
          update.position,
          'duplicate-update-time',
          `Two updates have the same time (${describeTime(update.at)}).`,
          `Times may have seconds: head this one \`## ${describeTime(later, { seconds: true })} · ...\` (on the command line, \`--at "${describeTime(later, { seconds: true })}"\`), or merge the two.`,
        ),
      );
      continue;
    }
    if (previous && isEnded(previous.status)) {
      diagnostics.push(
        error(
          path,
          update.position,
          'update-after-resolved',
          `An update follows "${englishStatusWord(previous.status)}".`,
          'Put later findings in `## Postmortem`; if the problem is back, open a new incident file.',
        ),
      );
      continue;
    }
    if (!previous && update.status === 'update') {
      diagnostics.push(
        error(
          path,
          update.position,
          'first-update-status',
          'The first update says "Update", but there is no earlier status to keep.',
          `Start with ${kind === 'maintenance' ? 'Scheduled' : 'Investigating (or Identified)'}.`,
        ),
      );
      continue;
    }
    const status = update.status === 'update' ? previous!.status : update.status;
    for (const change of update.componentChanges) components[change.id] = change.status;
    if (isEnded(status))
      components = Object.fromEntries(
        Object.keys(components).map((id) => [id, 'operational' as const]),
      );
    const entry: Update = {
      id: `${incidentId}@${update.at.toISOString()}`,
      at: update.at,
      written: update.status,
      status,
      body: update.body,
      components: { ...components },
      position: update.position,
    };
    updates.push(entry);
    previous = entry;
  }
  return updates;
}

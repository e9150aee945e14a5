import { parse } from 'yaml';
import { splitFrontmatter } from '../../core/frontmatter.ts';
import type { ComponentStatus, Impact } from '../../core/model.ts';
import { incidentStatusSchema, readUpdateStatus, STATUS_LABELS, type UpdateStatus } from '../../core/schema/update-status.ts';
import { parseTimestamp } from '../../core/timestamp.ts';
import type { Section } from '../incident-text.ts';
import type { ComponentRegistry } from './component-registry.ts';
import type { ImportedIncident, ImportResult } from './imported.ts';

/** A cState issue file: its path (for the report) and its text. */
export interface CstateFile {
  path: string;
  text: string;
}

/**
 * cState's severities in Candor's terms. cState has one level per issue; Candor has an impact
 * for the incident and a status per component, so both come from it.
 */
const CSTATE_SEVERITY: Record<string, { impact: Impact; status: ComponentStatus }> = {
  down: { impact: 'major', status: 'major_outage' },
  disrupted: { impact: 'minor', status: 'partial_outage' },
  notice: { impact: 'none', status: 'degraded_performance' },
};

const TRACK = /\{\{<\s*track\s+"([^"]*)"\s*>\}\}/g;
/** `*Investigating* -`, `**Update**:`, `**Resolved:**` at the start of an update. */
const LABEL = /^\*{1,2}([A-Za-z][A-Za-z -]*?):?\*{1,2}:?\s*(?:[-–—:]\s*)?/;

/** cState's config.yml: the systems (components) and their categories (groups), in any cState version's shape. */
export function readCstateSystems(configText: string): { name: string; category?: string }[] {
  const config = parse(configText, { version: '1.2', schema: 'core' }) as { params?: { systems?: unknown } } | null;
  const systems = config?.params?.systems;
  if (!Array.isArray(systems)) return [];
  return systems.flatMap((system) => {
    if (typeof system === 'string') return [{ name: system }];
    if (system && typeof system === 'object' && typeof (system as { name?: unknown }).name === 'string') {
      const { name, category } = system as { name: string; category?: unknown };
      return [{ name, ...(typeof category === 'string' ? { category } : {}) }];
    }
    return [];
  });
}

/**
 * cState issues as Candor incidents. cState writes times without a zone, which Hugo reads as UTC
 * unless the site sets another zone: they are read as UTC, and the report says so.
 */
export function importCstate(files: readonly CstateFile[], registry: ComponentRegistry): ImportResult {
  const notes: string[] = [];
  const incidents = files.map((file) => convert(file, registry, notes)).filter((i): i is ImportedIncident => i !== undefined);
  if (files.length > 0) notes.push('cState times have no zone; they were read as UTC (Hugo\'s default). If your cState site set another `timeZone`, correct the imported times.');
  return { incidents, notes };
}

function readTime(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const text = value.trim();
  const zoned = parseTimestamp(text);
  if (zoned.ok) return zoned.date;
  const utc = parseTimestamp(`${text} UTC`);
  return utc.ok ? utc.date : undefined;
}

function convert(file: CstateFile, registry: ComponentRegistry, notes: string[]): ImportedIncident | undefined {
  const note = (text: string) => notes.push(`${file.path}: ${text}`);
  const { split } = splitFrontmatter(file.path, file.text.replace(/\r\n?/g, '\n'));
  if (!split) {
    note('has no YAML frontmatter between `---` lines; it was not imported.');
    return undefined;
  }
  let raw: Record<string, unknown>;
  try {
    raw = (parse(split.yaml, { version: '1.2', schema: 'core' }) ?? {}) as Record<string, unknown>;
  } catch (cause) {
    note(`its frontmatter is not valid YAML (${(cause as Error).message.split('\n')[0]}); it was not imported.`);
    return undefined;
  }
  const front = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
  if (front.section !== undefined && front.section !== 'issue') {
    note(`is a "${String(front.section)}" page, not an issue; it was not imported.`);
    return undefined;
  }
  const title = typeof front.title === 'string' ? front.title.trim() : '';
  const date = readTime(front.date);
  if (!title || !date) {
    note(`needs a \`title\` and a \`date\`; it was not imported.`);
    return undefined;
  }
  const severityName = String(front.severity ?? '').toLowerCase();
  const severity = CSTATE_SEVERITY[severityName];
  if (!severity) note(`the severity "${String(front.severity ?? '')}" is not down, disrupted or notice; the impact is none and components are degraded_performance.`);
  const informational = front.informational === true;
  const impact: Impact = informational ? 'none' : (severity?.impact ?? 'none');
  const componentStatus: ComponentStatus = informational ? 'operational' : (severity?.status ?? 'degraded_performance');
  const affected = Array.isArray(front.affected) ? front.affected.map(String) : [];
  const components = Object.fromEntries(affected.map((name) => [registry.idFor(name), componentStatus]));

  const sections = readUpdates(split.body, note);
  let summary = '';
  if (sections.trailing) {
    if (sections.list.length === 0) sections.list.push({ at: date, status: 'investigating', body: sections.trailing });
    else {
      summary = sections.trailing;
      note('has text without a `{{< track >}}` time; it became the summary.');
    }
  }
  const list = sections.list.sort((a, b) => a.at.getTime() - b.at.getTime());
  if (list[0]?.status === 'update') {
    list[0].status = 'investigating';
    note(`its first update (${list[0].at.toISOString()}) names no incident status; it is written as Investigating.`);
  }
  const resolvedWhen = readTime(front.resolvedwhen);
  const last = list.at(-1);
  if (front.resolved === true && last?.status !== 'resolved') {
    const at = resolvedWhen && (!last || resolvedWhen > last.at) ? resolvedWhen : undefined;
    if (at) {
      list.push({ at, status: 'resolved', body: 'Resolved.' });
      note(`is marked resolved at ${at.toISOString()} without a Resolved update; one was added at that time.`);
    } else note('is marked resolved but has no `resolvedWhen` after its last update; it stays open. Add a Resolved update.');
  }
  return {
    source: file.path,
    title,
    kind: 'incident',
    impact,
    ...(list[0] && date < list[0].at ? { started: date } : {}),
    components,
    summary,
    sections: list,
  };
}

/** Each update ends with its `{{< track "time" >}}`; its first words may name a status. */
function readUpdates(body: string, note: (text: string) => void): { list: Section[]; trailing: string } {
  const list: Section[] = [];
  let rest = 0;
  for (const match of body.matchAll(TRACK)) {
    const chunk = body.slice(rest, match.index).trim();
    rest = match.index + match[0].length;
    const at = readTime(match[1]);
    if (!at) {
      note(`the track time "${match[1]}" is not a time; that update was left out.`);
      continue;
    }
    const label = LABEL.exec(chunk);
    const status = label ? readUpdateStatus(label[1]!) : undefined;
    const known = status && (status === 'update' || (incidentStatusSchema.options as readonly UpdateStatus[]).includes(status));
    if (label && !known) note(`the status "${label[1]}" of the update of ${at.toISOString()} is not an incident status; it is written as ${STATUS_LABELS.update} and the word is kept in the text.`);
    list.push({ at, status: known ? status : 'update', body: known ? chunk.slice(label![0].length).trim() : chunk });
  }
  return { list, trailing: body.slice(rest).trim() };
}

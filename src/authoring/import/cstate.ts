import { parse } from 'yaml';
import { splitFrontmatter } from '../../core/frontmatter.ts';
import { fromWallClock } from '../../core/local-day.ts';
import type { ComponentStatus, Impact } from '../../core/model.ts';
import {
  incidentStatusSchema,
  readUpdateStatus,
  englishStatusWord,
  type UpdateStatus,
} from '../../core/schema/update-status.ts';
import { parseTimestamp } from '../../core/timestamp.ts';
import type { Section } from '../incident-text.ts';
import type { ComponentRegistry } from './component-registry.ts';
import type { ImportedIncident, ImportResult } from './imported.ts';

/** A cState issue file: its path (for the report) and its text. */
export interface CstateFile {
  path: string;
  text: string;
}

/** What the importer takes from cState's config.yml. */
interface CstateSite {
  systems: { name: string; category?: string; description?: string }[];
  /** Hugo's `timeZone`: the zone cState's zone-less times are written in. */
  timezone?: string;
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

/** Words cState authors use for a status that Candor names otherwise. */
const CSTATE_WORDS: Record<string, UpdateStatus> = {
  fixed: 'resolved',
  solved: 'resolved',
  investigation: 'investigating',
};

const TRACK = /\{\{<\s*track\s+"([^"]*)"\s*>\}\}/g;
/** `*Investigating* -`, `**Update**:`, `**Resolved:**` at the start of an update: a few words, not a sentence in italics. */
const LABEL = /^\*{1,2}([A-Za-z][A-Za-z -]{0,30}?):?\*{1,2}:?[ \t]*(?:[-–—:][ \t]*)?/;
/** A `*Post-mortem*` label starting a line: the block it opens runs to a `---` rule or the end. */
const POSTMORTEM = /^\*{1,2}post[- ]?mortem:?\*{1,2}:?[ \t]*(?:[-–—:][ \t]*)?/im;
const isRule = (line: string) => /^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$/.test(line);

/** Text without the blank lines and `---` rules at its edges, which cState authors put between updates. */
function trimRules(text: string): string {
  const lines = text.split('\n');
  const edge = (line: string) => line.trim() === '' || isRule(line);
  let start = 0;
  let end = lines.length;
  while (start < end && edge(lines[start]!)) start++;
  while (end > start && edge(lines[end - 1]!)) end--;
  return lines.slice(start, end).join('\n').trim();
}

/** cState's config.yml: the systems (components), their categories (groups) and descriptions, and the site's zone. */
export function readCstateConfig(configText: string): CstateSite {
  const config = parse(configText, { version: '1.2', schema: 'core' }) as Record<
    string,
    unknown
  > | null;
  const zoneKey = Object.keys(config ?? {}).find((k) => k.toLowerCase() === 'timezone');
  const timezone = zoneKey ? config![zoneKey] : undefined;
  const systems = (config?.params as { systems?: unknown } | undefined)?.systems;
  return {
    ...(typeof timezone === 'string' && timezone.trim() ? { timezone: timezone.trim() } : {}),
    systems: !Array.isArray(systems)
      ? []
      : systems.flatMap((system) => {
          if (typeof system === 'string') return [{ name: system }];
          if (
            system &&
            typeof system === 'object' &&
            typeof (system as { name?: unknown }).name === 'string'
          ) {
            const { name, category, description } = system as {
              name: string;
              category?: unknown;
              description?: unknown;
            };
            return [
              {
                name,
                ...(typeof category === 'string' ? { category } : {}),
                ...(typeof description === 'string' ? { description } : {}),
              },
            ];
          }
          return [];
        }),
  };
}

/** True when the runtime knows the IANA zone. */
export function isKnownZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/**
 * cState issues as Candor incidents, keeping their meaning: what cState shows resolved is
 * resolved, an informational post is a notice that is already over, and every timed update is kept.
 * cState writes times without a zone, which Hugo reads in the site's `timeZone` (UTC by default).
 */
export function importCstate(
  files: readonly CstateFile[],
  registry: ComponentRegistry,
  timezone = 'UTC',
): ImportResult {
  const notes: string[] = [];
  const incidents = files
    .map((file) => convert(file, registry, timezone, notes))
    .filter((i): i is ImportedIncident => i !== undefined);
  if (files.length > 0)
    notes.push(
      `cState times without a zone were read in ${timezone}${timezone === 'UTC' ? " (Hugo's default; give config.yml to use the site's `timeZone`)" : " (the site's `timeZone`)"}.`,
    );
  return { incidents, notes };
}

function readTime(value: unknown, timezone: string): Date | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const text = value.trim();
  const zoned = parseTimestamp(text);
  if (zoned.ok) return zoned.date;
  const wall = parseTimestamp(`${text} UTC`);
  return wall.ok ? fromWallClock(wall.date.getTime(), timezone) : undefined;
}

const describe = (date: Date) => date.toISOString();

function convert(
  file: CstateFile,
  registry: ComponentRegistry,
  timezone: string,
  notes: string[],
): ImportedIncident | undefined {
  const note = (line: number | undefined, text: string) =>
    notes.push(`${file.path}${line ? `:${line}` : ''}: ${text}`);
  const { split } = splitFrontmatter(file.path, file.text.replace(/\r\n?/g, '\n'));
  if (!split) {
    note(1, 'has no YAML frontmatter between `---` lines; it was not imported.');
    return undefined;
  }
  let raw: Record<string, unknown>;
  try {
    raw = (parse(split.yaml, { version: '1.2', schema: 'core' }) ?? {}) as Record<string, unknown>;
  } catch (cause) {
    note(
      2,
      `its frontmatter is not valid YAML (${(cause as Error).message.split('\n')[0]}); it was not imported.`,
    );
    return undefined;
  }
  const front = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
  const frontLine = (key: string) => {
    const index = split.yaml.split('\n').findIndex((l) => l.toLowerCase().startsWith(`${key}:`));
    return index < 0 ? undefined : index + 2;
  };
  if (front.section !== undefined && front.section !== 'issue') {
    note(
      frontLine('section'),
      `is a "${String(front.section)}" page, not an issue; it was not imported.`,
    );
    return undefined;
  }
  const title = typeof front.title === 'string' ? front.title.trim() : '';
  const date = readTime(front.date, timezone);
  if (!title || !date) {
    note(
      frontLine(title ? 'date' : 'title') ?? 1,
      'needs a `title` and a `date`; it was not imported.',
    );
    return undefined;
  }
  const informational = front.informational === true;
  const severityName = String(front.severity ?? '').toLowerCase();
  const severity = CSTATE_SEVERITY[severityName];
  if (!severity && !informational)
    note(
      frontLine('severity'),
      `the severity "${String(front.severity ?? '')}" is not down, disrupted or notice; the impact is none and components are degraded_performance.`,
    );
  const impact: Impact = informational ? 'none' : (severity?.impact ?? 'none');
  const componentStatus: ComponentStatus = informational
    ? 'operational'
    : (severity?.status ?? 'degraded_performance');
  const affected = Array.isArray(front.affected) ? front.affected.map(String) : [];
  const components = Object.fromEntries(
    affected.map((name) => [registry.idFor(name), componentStatus]),
  );

  const lineAt = (offset: number) =>
    split.bodyLineOffset + split.body.slice(0, offset).split('\n').length;
  const { body, postmortem } = takePostmortem(split.body, lineAt, note);
  const read = readUpdates(body, lineAt, timezone, note);
  const list = inTimeOrder(read.timed, note);
  let summary = '';
  if (read.trailing.text) {
    if (list.length > 0) {
      summary = read.trailing.text;
      note(
        lineAt(read.trailing.offset),
        'text without a `{{< track >}}` time; it became the summary.',
      );
    } else {
      list.push(...untimedUpdates(read.trailing.text, read.trailing.offset, date, lineAt, note));
    }
  }
  if (list.length === 0)
    list.push({ at: date, status: 'update', body: title, line: frontLine('title') ?? 1 });

  const resolvedWhen = readTime(front.resolvedwhen, timezone);
  if (front.resolved === true || informational) {
    const last = list.at(-1)!;
    if (last.status !== 'resolved') {
      if (resolvedWhen && resolvedWhen > last.at) {
        list.push({
          at: resolvedWhen,
          status: 'resolved',
          body: 'Resolved.',
          line: frontLine('resolvedwhen') ?? 1,
        });
        note(
          frontLine('resolvedwhen'),
          `is marked resolved at ${describe(resolvedWhen)} without a Resolved update; one was added at that time.`,
        );
      } else {
        if (!informational || list.length > 1)
          note(
            last.line,
            `is ${informational ? 'informational (a notice that is over)' : 'marked resolved'} and its last update (${describe(last.at)}) is not before \`resolvedWhen\`; that update is written as Resolved.`,
          );
        last.status = 'resolved';
      }
    }
  }
  if (list[0]!.status === 'update') {
    list[0]!.status = 'investigating';
    note(
      list[0]!.line,
      `its first update (${describe(list[0]!.at)}) names no incident status; it is written as Investigating.`,
    );
  }
  return {
    source: file.path,
    title,
    kind: 'incident',
    impact,
    ...(date < list[0]!.at ? { started: date } : {}),
    components,
    summary,
    sections: list.map(({ line: _line, ...section }) => section),
    ...(postmortem ? { postmortem } : {}),
  };
}

interface ReadSection extends Section {
  /** The line of the source file the update came from, for the report. */
  line: number;
}

/** The `*Post-mortem*` block, which cState writes above the updates, taken out of the body (lines keep their numbers). */
function takePostmortem(
  body: string,
  lineAt: (offset: number) => number,
  note: (line: number | undefined, text: string) => void,
): { body: string; postmortem?: string } {
  const label = POSTMORTEM.exec(body);
  if (!label) return { body };
  note(lineAt(label.index), 'the *Post-mortem* block became `## Postmortem`.');
  const from = label.index + label[0].length;
  let to = from;
  for (const line of body.slice(from).split('\n')) {
    if (to > from && isRule(line)) break;
    to += line.length + 1;
  }
  to = Math.min(to, body.length);
  const blank = body.slice(label.index, to).replace(/[^\n]/g, '');
  return {
    body: body.slice(0, label.index) + blank + body.slice(to),
    postmortem: trimRules(body.slice(from, to)),
  };
}

/** The status a cState label names, or Update with the word kept in the text when Candor has none for it. */
function labelled(
  chunk: string,
  at: Date | undefined,
  line: number,
  note: (line: number | undefined, text: string) => void,
): { status: UpdateStatus; body: string } {
  const label = LABEL.exec(chunk);
  if (!label) return { status: 'update', body: chunk };
  const word = label[1]!.trim();
  const status = CSTATE_WORDS[word.toLowerCase()] ?? readUpdateStatus(word);
  const known =
    status !== undefined &&
    (status === 'update' ||
      (incidentStatusSchema.options as readonly UpdateStatus[]).includes(status));
  if (known) return { status, body: chunk.slice(label[0].length).trim() };
  note(
    line,
    `the status "${word}"${at ? ` of the update of ${describe(at)}` : ''} is not an incident status; it is written as ${englishStatusWord('update')} and the word is kept in the text.`,
  );
  return { status: 'update', body: chunk };
}

/** Each update ends with its `{{< track "time" >}}`; its first words may name a status. */
function readUpdates(
  body: string,
  lineAt: (offset: number) => number,
  timezone: string,
  note: (line: number | undefined, text: string) => void,
) {
  const timed: ReadSection[] = [];
  let rest = 0;
  for (const match of body.matchAll(TRACK)) {
    const chunk = trimRules(body.slice(rest, match.index));
    rest = match.index + match[0].length;
    const line = lineAt(match.index);
    const at = readTime(match[1], timezone);
    if (!at) {
      note(line, `the track time "${match[1]}" is not a time; that update was left out.`);
      continue;
    }
    timed.push({ at, line, ...labelled(chunk, at, line, note) });
  }
  const tail = body.slice(rest);
  const text = trimRules(tail);
  return { timed, trailing: { text, offset: rest + tail.search(/\S|$/) } };
}

/**
 * Updates in time order. cState writes the newest on top, but not every author does: the file's
 * own order of distinct times says which, and updates that share a time keep that reading order,
 * one second apart, so none is lost and each has its own time.
 */
function inTimeOrder(
  timed: ReadSection[],
  note: (line: number | undefined, text: string) => void,
): ReadSection[] {
  const newestFirst = timed.length > 1 && timed[0]!.at > timed.at(-1)!.at;
  const reading = newestFirst ? [...timed].reverse() : [...timed];
  const list = reading.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (let i = 1; i < list.length; i++) {
    const previous = list[i - 1]!.at.getTime();
    if (list[i]!.at.getTime() <= previous) {
      const original = list[i]!.at;
      list[i]!.at = new Date(previous + 1000);
      note(
        list[i]!.line,
        `shares the time ${describe(original)} with the update before it; it is written at ${describe(list[i]!.at)} so both are kept, in the order the file tells them.`,
      );
    }
  }
  return list;
}

/**
 * Text with no track time at all. Paragraphs that start with a status label are updates, newest on
 * top as cState writes them: the oldest gets the issue's date and each later one a second more.
 */
function untimedUpdates(
  text: string,
  offset: number,
  date: Date,
  lineAt: (offset: number) => number,
  note: (line: number | undefined, text: string) => void,
): ReadSection[] {
  const paragraphs: { text: string; line: number }[] = [];
  let at = 0;
  for (const block of text.split(/\n[ \t]*\n/)) {
    const start = text.indexOf(block, at);
    at = start + block.length;
    const line = lineAt(offset + start);
    if (LABEL.test(block.trim()) || paragraphs.length === 0)
      paragraphs.push({ text: block.trim(), line });
    else paragraphs.at(-1)!.text += `\n\n${block.trim()}`;
  }
  if (paragraphs.length === 1 && !LABEL.test(paragraphs[0]!.text)) {
    return [{ at: date, status: 'update', body: paragraphs[0]!.text, line: paragraphs[0]!.line }];
  }
  return paragraphs.reverse().map((p, i) => {
    const when = new Date(date.getTime() + i * 1000);
    note(
      p.line,
      `has no \`{{< track >}}\` time; it is written at ${describe(when)} (the issue's date${i > 0 ? ` plus ${i} s, to keep the order` : ''}).`,
    );
    return { at: when, line: p.line, ...labelled(p.text, undefined, p.line, note) };
  });
}

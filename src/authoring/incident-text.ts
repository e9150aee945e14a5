import { Document } from 'yaml';
import type { ComponentStatus } from '../core/schema/common.ts';
import type { IncidentFrontmatterInput } from '../core/schema/incident-frontmatter.ts';
import { englishStatusWord, type UpdateStatus } from '../core/schema/update-status.ts';
import { describeTime } from '../core/timestamp.ts';
import type { Locale } from '../i18n/locale.ts';
import { componentsLine } from './component-changes.ts';

/** The frontmatter a command writes; keys are written in the order the object lists them. */
export type NewFrontmatter = IncidentFrontmatterInput;

export interface Section {
  at: Date;
  status: UpdateStatus;
  /** Component status changes written on the `Components:` line. */
  changes?: Record<string, ComponentStatus>;
  body: string;
}

/**
 * A time as Candor's commands write it: `2026-11-22 14:03 UTC`, with seconds (and milliseconds)
 * only when the time has them, so imported times stay exact.
 */
export function writeTime(date: Date): string {
  if (date.getUTCMilliseconds() === 0) return describeTime(date);
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)} UTC`;
}

/**
 * `## 2026-11-22 14:03 UTC · Investigating`, the optional Components line, then the text. The
 * status is written in the page's language when there is one (`· Investigando`).
 */
export function renderSection(section: Section, locale?: Locale): string {
  const heading = `## ${writeTime(section.at)} · ${locale ? locale.t(`status.${section.status}`) : englishStatusWord(section.status)}`;
  const line = section.changes ? componentsLine(section.changes) : undefined;
  return [heading, ...(line ? [line, ''] : []), section.body.trim()].join('\n').trimEnd() + '\n';
}

/** A whole incident file: frontmatter (with the editor schema hint), summary, sections, postmortem. */
export function renderIncidentFile(input: {
  path: string;
  frontmatter: NewFrontmatter;
  summary: string;
  sections: Section[];
  postmortem?: string;
  /** The page's language, for the status words and the postmortem heading. */
  locale?: Locale;
  /** The folder of the editor schemas, relative to the repository's root, or a URL. */
  schemas: string;
}): string {
  const entries = Object.entries(input.frontmatter).filter(([, value]) => value !== undefined);
  const doc = new Document(Object.fromEntries(entries), { version: '1.2' });
  const up = /^[a-z][a-z+.-]*:/i.test(input.schemas)
    ? ''
    : '../'.repeat(input.path.split('/').length - 1);
  const schema = `${up}${input.schemas}incident.schema.json`;
  const parts: string[] = [];
  if (input.summary.trim()) parts.push(`${input.summary.trim()}\n`);
  parts.push(...input.sections.map((section) => renderSection(section, input.locale)));
  if (input.postmortem !== undefined)
    parts.push(`## ${postmortemHeading(input.locale)}\n${input.postmortem.trim()}\n`);
  return `---\n# yaml-language-server: $schema=${schema}\n${doc.toString({ lineWidth: 0 })}---\n${parts.join('\n')}`;
}

/** `Postmortem`, or the page language's word for it (`Análisis posterior`), which check reads back. */
export function postmortemHeading(locale?: Locale): string {
  return locale ? locale.t('incident.postmortem') : 'Postmortem';
}

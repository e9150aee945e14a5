import { localeOf } from '../core/page-locale.ts';
import { postmortemHeading } from './incident-text.ts';
import type { Incident, StatusModel } from '../core/model.ts';
import { englishStatusWord } from '../core/schema/update-status.ts';
import { endedAt, lifecycleAt, startedAt } from '../core/status.ts';
import { formatTimestampUtc } from '../core/timestamp.ts';
import { ContentError } from '../core/errors.ts';
import { insertSection } from './edit-incident.ts';
import { keepTextStyle } from './keep-text-style.ts';
import { fillTemplate, readTemplate } from './templates.ts';
import type { FileChange } from './validate-changes.ts';
import { componentWords, shortTime } from './wording.ts';
import { readRepositoryText } from './read-text.ts';

/** The first sentence of an update, as a timeline entry. */
function firstSentence(markdown: string): string {
  const flat = markdown.replace(/\s+/g, ' ').trim();
  const sentence = /^.*?[.!?](?=\s|$)/.exec(flat)?.[0] ?? flat;
  return sentence.length > 160 ? `${sentence.slice(0, 159).trimEnd()}…` : sentence;
}

/** The incident's file with a `## Postmortem` drafted from the template: impact window and timeline filled in. */
export async function addPostmortem(
  root: string,
  model: StatusModel,
  incident: Incident,
  now: Date,
): Promise<FileChange> {
  if (incident.postmortem) {
    throw new ContentError(
      `${incident.file}:${incident.postmortem.position.line} already has a postmortem; edit it there.`,
    );
  }
  const ended = endedAt(incident, now);
  if (!ended) {
    throw new ContentError(
      `${incident.id} is still ${englishStatusWord(lifecycleAt(incident, now))}: write the postmortem once it is over.\n    hint: npx candor resolve ${incident.id}`,
    );
  }
  const started = startedAt(incident, now);
  const locale = localeOf(model);
  const ids = Object.keys(incident.components);
  const timeline = incident.updates
    .map(
      (u) =>
        `- ${shortTime(u.at, started)} · ${locale.t(`status.${u.written}`)}: ${firstSentence(u.body)}`,
    )
    .join('\n');
  const body = fillTemplate(await readTemplate(root, 'postmortem', model.page.language), {
    title: incident.title,
    impact: incident.impact,
    ...componentWords(ids, model.components, locale),
    ...(ids.length === 0 ? { components: 'no listed component' } : {}),
    started: formatTimestampUtc(started),
    ended: shortTime(ended, started),
    duration: locale.duration(ended.getTime() - started.getTime()),
    timeline,
    ...((incident.contact ?? model.page.contact)
      ? { contact: incident.contact ?? model.page.contact }
      : {}),
  });
  const original = await readRepositoryText(root, incident.file);
  return {
    path: incident.file,
    text: keepTextStyle(original, (lf) =>
      insertSection(lf, `## ${postmortemHeading(locale)}\n${body}\n`),
    ),
  };
}

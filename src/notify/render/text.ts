import type { NoticeEvent } from '../events.ts';
import { defuseMentions, plainDialect, toDialect } from './dialects.ts';
import { headline, noticeContent } from './notice-content.ts';

/**
 * What a notice says, as plain text with no markup: for a pull-request preview or a log, where the
 * reader wants the words rather than a channel's JSON. Mentions are defused as in every channel.
 */
export function renderText(event: NoticeEvent): string {
  const c = noticeContent(event);
  return [
    `${c.pageName} · ${c.kindLabel} · ${c.at}`,
    defuseMentions(headline(c)),
    ...(c.window ? [`Window: ${c.window}`] : []),
    ...(c.affected.length ? [`Affected: ${defuseMentions(c.affected.join(', '))}`] : []),
    '',
    toDialect(c.body, plainDialect),
    ...(c.workaround ? ['', `Workaround: ${toDialect(c.workaround, plainDialect)}`] : []),
    ...(c.nextUpdate ? ['', `Next update by ${c.nextUpdate}`] : []),
    '',
    c.url,
  ].join('\n');
}

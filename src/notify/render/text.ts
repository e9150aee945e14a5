import type { NoticeEvent } from '../events.ts';
import { plainText } from '../../core/markdown-text.ts';
import { defuseMentions } from './dialects.ts';
import { headline, noticeContent } from './notice-content.ts';

/**
 * What a notice says, as plain text with no markup: for a pull-request preview or a log, where the
 * reader wants the words rather than a channel's JSON. Mentions are defused as in every channel.
 */
export function renderText(event: NoticeEvent): string {
  const c = noticeContent(event);
  const { t } = c.locale;
  return [
    `${c.pageName} · ${c.kindLabel} · ${c.at}`,
    defuseMentions(headline(c)),
    ...(c.window ? [`${t('notice.window')}: ${c.window}`] : []),
    ...(c.affected.length
      ? [`${t('notice.affected')}: ${defuseMentions(c.affected.join(', '))}`]
      : []),
    '',
    defuseMentions(plainText(c.body)),
    ...(c.workaround
      ? ['', `${t('notice.workaround')}: ${defuseMentions(plainText(c.workaround))}`]
      : []),
    ...(c.nextUpdate ? ['', t('notice.next_update_by', { time: c.nextUpdate })] : []),
    '',
    c.url,
  ].join('\n');
}

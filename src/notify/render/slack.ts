import type { NoticeEvent } from '../events.ts';
import { defusePlain, slackDialect } from './dialects.ts';
import { fitMarkdown, fitText, headline, noticeContent } from './notice-content.ts';

/** Slack's documented limits for Block Kit in an incoming webhook message. */
export const SLACK_LIMITS = { header: 150, section: 3000, field: 2000, fallback: 3000 } as const;

const TONE_EMOJI = {
  none: ':large_blue_circle:',
  minor: ':large_yellow_circle:',
  major: ':large_orange_circle:',
  critical: ':red_circle:',
  maintenance: ':wrench:',
  resolved: ':large_green_circle:',
} as const;

interface SlackMessage {
  /** The notification preview and the fallback for clients that cannot show blocks. */
  text: string;
  blocks: object[];
}

/** An incoming-webhook message in Block Kit: a header, the facts, the update in mrkdwn, and a context line with the link. */
export function renderSlack(event: NoticeEvent): SlackMessage {
  const c = noticeContent(event);
  const { t } = c.locale;
  const more = `\n<${c.url}|${slackDialect.text(t('notice.read_more'))}>`;
  const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
  const fields = [
    mrkdwn(`*${slackDialect.text(t('notice.status'))}*\n${slackDialect.text(c.status)}`),
    mrkdwn(`*${slackDialect.text(t('notice.impact'))}*\n${slackDialect.text(c.impactLabel)}`),
    ...(c.window
      ? [mrkdwn(`*${slackDialect.text(t('notice.window'))}*\n${slackDialect.text(c.window)}`)]
      : []),
    ...(c.affected.length
      ? [
          mrkdwn(
            fitText(
              c.affected.join('\n'),
              SLACK_LIMITS.field - 20,
              (text) => `*${slackDialect.text(t('notice.affected'))}*\n${slackDialect.text(text)}`,
              '',
            ),
          ),
        ]
      : []),
  ];
  const blocks: object[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: fitText(`${TONE_EMOJI[c.tone]} ${headline(c)}`, SLACK_LIMITS.header, defusePlain, ''),
        emoji: true,
      },
    },
    { type: 'section', fields },
  ];
  const body = fitMarkdown(c.body, slackDialect, SLACK_LIMITS.section, more);
  if (body) blocks.push({ type: 'section', text: mrkdwn(body) });
  if (c.workaround)
    blocks.push({
      type: 'section',
      text: mrkdwn(
        fitMarkdown(c.workaround, slackDialect, SLACK_LIMITS.section - 20, more).replace(
          /^/,
          `*${slackDialect.text(t('notice.workaround'))}:* `,
        ),
      ),
    });
  const context = [
    `${slackDialect.text(c.kindLabel)} · ${slackDialect.text(c.at)}`,
    ...(c.nextUpdate
      ? [slackDialect.text(t('notice.next_update_by', { time: c.nextUpdate }))]
      : []),
    `<${c.url}|${slackDialect.text(t('notice.view_on', { name: c.pageName }))}>`,
  ];
  blocks.push({ type: 'context', elements: [mrkdwn(context.join(' · '))] });
  return {
    text: fitText(`${c.pageName}: ${headline(c)}`, SLACK_LIMITS.fallback, slackDialect.text, ''),
    blocks,
  };
}

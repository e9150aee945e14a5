import type { NoticeEvent } from '../events.ts';
import { wireJson } from '../wire.ts';
import { teamsDialect } from './dialects.ts';
import { fitMarkdown, headline, noticeContent, type NoticeContent } from './notice-content.ts';

/** Teams refuses messages over about 28 KB (as sent, see wireJson); a margin keeps the card under it after the service's own wrapping. */
export const TEAMS_MAX_BYTES = 27_000;

const TONE_COLOURS: Record<NoticeContent['tone'], string> = {
  none: 'Accent',
  minor: 'Warning',
  major: 'Attention',
  critical: 'Attention',
  maintenance: 'Accent',
  resolved: 'Good',
};

interface TeamsMessage {
  type: 'message';
  attachments: [
    {
      contentType: 'application/vnd.microsoft.card.adaptive';
      contentUrl: null;
      content: Record<string, unknown>;
    },
  ];
}

/** A Workflows ("When a Teams webhook request is received") message carrying an Adaptive Card 1.4. */
export function renderTeams(event: NoticeEvent): TeamsMessage {
  const c = noticeContent(event);
  const text = teamsDialect.text;
  const { t } = c.locale;
  const facts = [
    { title: t('notice.status'), value: text(c.status) },
    { title: t('notice.impact'), value: text(c.impactLabel) },
    ...(c.window ? [{ title: t('notice.window'), value: text(c.window) }] : []),
    ...(c.affected.length
      ? [{ title: t('notice.affected'), value: text(c.affected.join(', ')) }]
      : []),
    ...(c.nextUpdate ? [{ title: t('notice.next_update'), value: text(c.nextUpdate) }] : []),
  ];
  const card = (body: string) => ({
    type: 'message' as const,
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive' as const,
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          msteams: { width: 'Full' },
          body: [
            {
              type: 'TextBlock',
              text: text(`${c.pageName} · ${c.kindLabel} · ${c.at}`),
              size: 'Small',
              isSubtle: true,
              wrap: true,
            },
            {
              type: 'TextBlock',
              text: text(headline(c)),
              size: 'Large',
              weight: 'Bolder',
              color: TONE_COLOURS[c.tone],
              wrap: true,
            },
            { type: 'FactSet', facts },
            ...(body ? [{ type: 'TextBlock', text: body, wrap: true }] : []),
            ...(c.workaround
              ? [
                  {
                    type: 'TextBlock',
                    text: `**${text(t('notice.workaround'))}:** ${fitMarkdown(c.workaround, teamsDialect, 2000, '…')}`,
                    wrap: true,
                  },
                ]
              : []),
          ],
          actions: [{ type: 'Action.OpenUrl', title: t('notice.view_incident'), url: c.url }],
        },
      },
    ] as TeamsMessage['attachments'],
  });
  const bytes = (value: unknown) => Buffer.byteLength(wireJson(value));
  const room = TEAMS_MAX_BYTES - bytes(card('x'));
  // The body is measured as it will be sent, quotes and escapes included.
  const body = fitMarkdown(
    c.body,
    teamsDialect,
    room,
    `\n\n[${text(t('notice.read_more'))}](${c.url})`,
    (value) => bytes(value) - 2,
  );
  return card(body);
}

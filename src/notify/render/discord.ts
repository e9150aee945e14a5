import type { NoticeEvent } from '../events.ts';
import { discordDialect } from './dialects.ts';
import {
  fitMarkdown,
  fitText,
  headline,
  noticeContent,
  type NoticeContent,
} from './notice-content.ts';

/** Discord's documented embed limits; the total counts title, description, field names and values, and footer. */
export const DISCORD_LIMITS = {
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  total: 6000,
} as const;

/** Embed colours by impact while open; green once resolved or completed; blue for maintenance. */
const DISCORD_COLOURS: Record<NoticeContent['tone'], number> = {
  none: 0x5865f2,
  minor: 0xf1c40f,
  major: 0xe67e22,
  critical: 0xe74c3c,
  maintenance: 0x3498db,
  resolved: 0x2ecc71,
};

interface Field {
  name: string;
  value: string;
  inline?: boolean;
}

interface DiscordMessage {
  allowed_mentions: { parse: [] };
  embeds: [
    {
      title: string;
      url: string;
      description: string;
      color: number;
      fields: Field[];
      timestamp: string;
      footer: { text: string };
    },
  ];
}

/** A webhook message with one embed. `allowed_mentions` is empty, so nothing in it can ping anyone. */
export function renderDiscord(event: NoticeEvent): DiscordMessage {
  const c = noticeContent(event);
  const text = discordDialect.text;
  const { t } = c.locale;
  const fields: Field[] = [
    { name: t('notice.status'), value: text(c.status), inline: true },
    { name: t('notice.impact'), value: text(c.impactLabel), inline: true },
    ...(c.window ? [{ name: t('notice.window'), value: text(c.window), inline: true }] : []),
    ...(c.affected.length
      ? [
          {
            name: t('notice.affected'),
            value: fitText(c.affected.join('\n'), DISCORD_LIMITS.fieldValue, text, ''),
          },
        ]
      : []),
    ...(c.workaround
      ? [
          {
            name: t('notice.workaround'),
            value: fitMarkdown(
              c.workaround,
              discordDialect,
              DISCORD_LIMITS.fieldValue,
              `\n[${text(t('notice.more'))}](<${c.url}>)`,
            ),
          },
        ]
      : []),
    ...(c.nextUpdate
      ? [{ name: t('notice.next_update'), value: text(c.nextUpdate), inline: true }]
      : []),
  ];
  const title = fitText(headline(c), DISCORD_LIMITS.title, text, '');
  const footer = fitText(`${c.pageName} · ${c.kindLabel}`, DISCORD_LIMITS.footer, text, '');
  const used =
    title.length + footer.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  const room = Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.total - used);
  const description = fitMarkdown(
    c.body,
    discordDialect,
    room,
    `\n[${text(t('notice.read_more'))}](<${c.url}>)`,
  );
  return {
    allowed_mentions: { parse: [] },
    embeds: [
      {
        title,
        url: c.url,
        description,
        color: DISCORD_COLOURS[c.tone],
        fields,
        timestamp: event.at.toISOString(),
        footer: { text: footer },
      },
    ],
  };
}

import type { StatusModel } from '../../../core/model.ts';
import type { Locale } from '../../../i18n/locale.ts';
import { escapeHtml } from '../../../feeds/escape-html.ts';
import type { Channel } from '../../config-schema.ts';
import type { NoticeEvent } from '../../events.ts';
import { plainText } from '../../../core/markdown-text.ts';
import { defuseMentions } from '../../render/dialects.ts';
import { headline, noticeContent, type NoticeContent } from '../../render/notice-content.ts';
import { noticeHash } from '../../notice-hash.ts';
import { markdownToMailHtml } from './mail-html.ts';

/** One mail as it goes out, without its recipients (those are read when sending and never shown). */
export interface EmailNotice {
  from: string;
  subject: string;
  /** `<...@domain>`: the same for every attempt and every run of this notice on this channel. */
  messageId: string;
  /** The first notice of the incident, which every later one answers, so clients show one conversation. */
  inReplyTo?: string;
  references?: string[];
  headers: Record<string, string>;
  text: string;
  html: string;
}

/** The colour bar above the mail, by the tone every channel uses. */
const TONE_COLOURS: Record<NoticeContent['tone'], string> = {
  none: '#57606a',
  minor: '#bf8700',
  major: '#d1570f',
  critical: '#cf222e',
  maintenance: '#0969da',
  resolved: '#1a7f37',
};

type EmailChannel = Pick<Channel, 'id' | 'from' | 'subject_tag' | 'unsubscribe_url'>;

/**
 * A notice as a mail: a plain-text part and an HTML part with the same content, in the order a
 * reader needs it (what happened, how bad, what is affected, what we do, what they can do, when we
 * say more, whom to ask), threaded per incident by Message-ID, In-Reply-To and References.
 */
export function renderEmail(
  event: NoticeEvent,
  channel: EmailChannel,
  view: StatusModel,
): EmailNotice {
  const c = noticeContent(event);
  const { locale } = c;
  const from = channel.from ?? '';
  const domain = from.replace(/>$/, '').split('@').pop() || 'candor.invalid';
  const tag = channel.subject_tag ?? locale.t('email.subject_tag', { name: c.pageName });
  const root = messageId(channel.id, threadRoot(event), domain);
  const own = messageId(channel.id, event.id, domain);
  const reply = own !== root;
  // "Re:" in every language: clients recognise it when they group a conversation, and strip it.
  const subject = `${reply ? 'Re: ' : ''}[${tag}] ${event.incident.title}`.replace(/[\r\n]+/g, ' ');
  const listId = `${tag.replace(/[<>"\r\n]/g, '')} <${channel.id}.${new URL(event.page.url).hostname}>`;
  const headers: Record<string, string> = {
    'List-Id': listId,
    'Auto-Submitted': 'auto-generated',
    'X-Auto-Response-Suppress': 'All',
  };
  if (channel.unsubscribe_url) headers['List-Unsubscribe'] = `<${channel.unsubscribe_url}>`;
  const facts = mailFacts(event, c, view, locale);
  return {
    from,
    subject,
    messageId: own,
    ...(reply ? { inReplyTo: root, references: [root] } : {}),
    headers,
    text: mailText(c, facts, channel, locale),
    html: mailHtml(c, facts, channel, subject, locale),
  };
}

/** `<hash@domain>`: the same for a notice on a channel in every run, so a resent mail is recognised. */
function messageId(channelId: string, noticeId: string, domain: string): string {
  return `<${noticeHash(channelId, noticeId, 32)}@${domain}>`;
}

/** The notice that starts an incident's thread: its first update as this audience sees it. */
function threadRoot(event: NoticeEvent): string {
  return event.incident.updates[0]?.id ?? event.id;
}

interface MailFacts {
  summary?: string;
  impact?: string;
  contact?: string;
  /** The author's Markdown under its heading: the update, or the postmortem. */
  section: string;
}

function mailFacts(
  event: NoticeEvent,
  c: NoticeContent,
  view: StatusModel,
  locale: Locale,
): MailFacts {
  const { incident } = event;
  const summary = incident.summary.trim();
  const teamWords = view.severity?.[incident.impact];
  const contact = incident.contact ?? view.page.contact;
  return {
    ...(summary && summary !== c.body.trim() ? { summary } : {}),
    ...(incident.kind === 'incident' && event.kind !== 'incident.postmortem'
      ? { impact: teamWords ? `${c.impactLabel}: ${teamWords}` : c.impactLabel }
      : {}),
    ...(contact ? { contact } : {}),
    section:
      event.kind === 'incident.postmortem'
        ? locale.t('notice.incident.postmortem')
        : locale.t('email.update'),
  };
}

function mailText(c: NoticeContent, f: MailFacts, channel: EmailChannel, { t }: Locale): string {
  const plain = (markdown: string) => defuseMentions(plainText(markdown));
  const line = (label: string, value: string | undefined) => (value ? [`${label}: ${value}`] : []);
  return [
    headline(c),
    `${c.pageName} · ${c.kindLabel} · ${c.at}`,
    '',
    ...(f.summary ? [`${t('email.summary')}: ${plain(f.summary)}`, ''] : []),
    ...line(t('notice.status'), c.status),
    ...line(t('email.impact'), f.impact),
    ...line(t('notice.window'), c.window),
    ...(c.affected.length
      ? [`${t('notice.affected')}:`, ...c.affected.map((a) => `  - ${a}`)]
      : []),
    '',
    `${f.section}:`,
    plain(c.body),
    ...(c.workaround ? ['', `${t('notice.workaround')}: ${plain(c.workaround)}`] : []),
    ...(c.nextUpdate ? ['', t('notice.next_update_by', { time: c.nextUpdate })] : []),
    ...(f.contact ? ['', `${t('email.contact')}: ${f.contact}`] : []),
    '',
    `${t('email.details')}: ${c.url}`,
    '',
    // The signature separator: clients grey out or fold what follows.
    '-- ',
    t('email.why', { name: c.pageName }),
    ...(channel.unsubscribe_url ? [`${t('email.unsubscribe')}: ${channel.unsubscribe_url}`] : []),
    '',
  ].join('\n');
}

const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif";

function mailHtml(
  c: NoticeContent,
  f: MailFacts,
  channel: EmailChannel,
  subject: string,
  { t, language }: Locale,
): string {
  const e = escapeHtml;
  const row = (label: string, value: string) =>
    `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 16px 2px 0;color:#57606a;font-weight:normal">${e(label)}</th><td style="padding:2px 0">${value}</td></tr>`;
  const rows = [
    row(t('notice.status'), `<strong>${e(c.status)}</strong>`),
    ...(f.impact ? [row(t('email.impact'), e(f.impact))] : []),
    ...(c.window ? [row(t('notice.window'), e(c.window))] : []),
    ...(c.affected.length ? [row(t('notice.affected'), c.affected.map(e).join('<br>'))] : []),
    ...(c.nextUpdate ? [row(t('notice.next_update'), e(c.nextUpdate))] : []),
    ...(f.contact ? [row(t('email.contact'), contactHtml(f.contact))] : []),
  ];
  const box = (label: string, markdown: string) =>
    `<div style="margin:0 0 16px;padding:12px 12px 0;border-left:4px solid #0969da;background:#f6f8fa"><p style="margin:0 0 8px;font-weight:bold">${e(label)}</p>${markdownToMailHtml(markdown)}</div>`;
  return `<!DOCTYPE html>
<html lang="${e(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(subject)}</title>
</head>
<body style="margin:0;padding:0;background:#ffffff;color:#1f2328;${FONT};font-size:15px;line-height:1.5">
<div style="max-width:600px;margin:0 auto;padding:16px">
<div style="height:4px;background:${TONE_COLOURS[c.tone]}"></div>
<p style="margin:12px 0 4px;color:#57606a;font-size:13px">${e(c.pageName)} · ${e(c.kindLabel)} · ${e(c.at)}</p>
<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3">${e(headline(c))}</h1>
${f.summary ? `<div style="margin:0 0 16px">${markdownToMailHtml(f.summary)}</div>\n` : ''}<table role="presentation" style="border-collapse:collapse;margin:0 0 16px;font-size:15px">${rows.join('')}</table>
<h2 style="margin:0 0 8px;font-size:16px">${e(f.section)}</h2>
${markdownToMailHtml(c.body)}
${c.workaround ? box(t('notice.workaround'), c.workaround) : ''}
<p style="margin:16px 0"><a href="${e(c.url)}" style="display:inline-block;padding:8px 14px;background:#0969da;color:#ffffff;text-decoration:none;border-radius:6px">${e(t('notice.view_on', { name: c.pageName }))}</a></p>
<hr style="border:0;border-top:1px solid #d0d7de;margin:24px 0 8px">
<p style="margin:0;color:#57606a;font-size:12px">${e(t('email.why', { name: c.pageName }))}${channel.unsubscribe_url ? ` <a href="${e(channel.unsubscribe_url)}" style="color:#57606a">${e(t('email.unsubscribe'))}</a>` : ''}</p>
</div>
</body>
</html>
`;
}

/** The page's contact is an address or a URL: either becomes a link. */
function contactHtml(contact: string): string {
  const href = /^https?:\/\//i.test(contact)
    ? contact
    : contact.includes('@') && !contact.includes(' ')
      ? `mailto:${contact}`
      : undefined;
  return href
    ? `<a href="${escapeHtml(href)}" style="color:#0b57d0">${escapeHtml(contact)}</a>`
    : escapeHtml(contact);
}

import type { EmailNotice } from './render.ts';

/**
 * A mail as a dry run or a pull-request preview shows it: the headers that make the thread, then
 * the text part, and the size of the HTML part (the same content). Recipients are never shown.
 */
export function describeEmail(mail: EmailNotice): string {
  return [
    `From: ${mail.from}`,
    `Subject: ${mail.subject}`,
    `Message-ID: ${mail.messageId}`,
    ...(mail.inReplyTo
      ? [
          `In-Reply-To: ${mail.inReplyTo}`,
          `References: ${mail.references?.join(' ') ?? mail.inReplyTo}`,
        ]
      : []),
    ...Object.entries(mail.headers).map(([name, value]) => `${name}: ${value}`),
    '',
    mail.text.trimEnd(),
    '',
    `(and the same as HTML, ${Buffer.byteLength(mail.html).toLocaleString('en')} bytes)`,
  ].join('\n');
}

import { describeEmail } from './channels/email/describe.ts';
import type { EmailNotice } from './channels/email/render.ts';
import type { Channel } from './config-schema.ts';

/** A notice's body as the dry run and the pull-request preview show it: a mail as its headers and text, any other body as its JSON. */
export function previewBody(
  channel: Pick<Channel, 'type'>,
  body: object,
): { text: string; language: 'text' | 'json' } {
  return channel.type === 'email'
    ? { text: describeEmail(body as EmailNotice), language: 'text' }
    : { text: JSON.stringify(body, null, 2), language: 'json' };
}

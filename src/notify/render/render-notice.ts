import type { StatusModel } from '../../core/model.ts';
import { renderEmail } from '../channels/email/render.ts';
import type { Channel } from '../config-schema.ts';
import type { NoticeEvent } from '../events.ts';
import { renderDiscord } from './discord.ts';
import { renderSlack } from './slack.ts';
import { renderStatuspage } from './statuspage.ts';
import { renderTeams } from './teams.ts';
import { renderWebhook } from './webhook.ts';

/**
 * The body a channel receives for an event (for email, the mail without its recipients): the same object the dry run prints and the PR
 * preview shows. `view` is the audience view the event came from.
 */
export function renderNotice(
  event: NoticeEvent,
  channel: Pick<Channel, 'type' | 'format'> & Partial<Channel>,
  view: StatusModel,
): object {
  switch (channel.type) {
    case 'slack':
      return renderSlack(event);
    case 'discord':
      return renderDiscord(event);
    case 'teams':
      return renderTeams(event);
    case 'webhook':
      return channel.format === 'statuspage'
        ? renderStatuspage(event, view)
        : renderWebhook(event, view);
    case 'email':
      return renderEmail(event, { ...channel, id: channel.id ?? channel.type }, view);
  }
}

import type { StatusModel } from '../../core/model.ts';
import { pageStatus } from '../../core/status.ts';
import {
  statuspageComponents,
  statuspageIncident,
  statuspagePageId,
  statuspageScheduledMaintenance,
} from '../../feeds/statuspage-api.ts';
import type { NoticeEvent } from '../events.ts';

const DOCUMENTATION = 'https://doers.statuspage.io/customer-notifications/webhooks/';

/**
 * Atlassian Statuspage's subscriber webhook envelope: `meta`, `page`, and either `incident` (with
 * its `incident_updates`, newest first) or `component_update` with `component`, so receivers
 * written for Statuspage work unchanged. The incident is the public API's object (src/feeds) as it
 * stood when the event happened, plus the fields only webhooks carry. `view` is the audience view
 * the event came from.
 */
export function renderStatuspage(event: NoticeEvent, view: StatusModel) {
  const pageId = statuspagePageId(view.page);
  const status = pageStatus(view, event.at);
  const common = {
    meta: { unsubscribe: view.page.url, documentation: DOCUMENTATION },
    page: {
      id: pageId,
      status_indicator: status.indicator,
      status_description: status.description,
    },
  };
  const at = event.at.toISOString();
  if (event.change) {
    const row = statuspageComponents(view, event.at).find((r) => r.id === event.change!.id);
    return {
      ...common,
      component_update: {
        created_at: at,
        new_status: event.change.to,
        old_status: event.change.from,
        id: event.id,
        component_id: event.change.id,
        component_type: 'Component',
      },
      component: {
        ...row,
        created_at: row?.created_at ?? at,
        id: event.change.id,
        name: event.change.name,
        status: event.change.to,
      },
    };
  }
  const { incident } = event;
  const rows = statuspageComponents(view, event.at);
  const postmortem = event.kind === 'incident.postmortem';
  const base =
    incident.kind === 'maintenance'
      ? statuspageScheduledMaintenance(view, incident, event.at, rows)
      : {
          ...statuspageIncident(view, incident, event.at, rows),
          scheduled_for: null,
          scheduled_until: null,
        };
  return {
    ...common,
    incident: {
      ...base,
      // The postmortem status only once the postmortem is what is announced.
      status: postmortem ? 'postmortem' : base.status === 'postmortem' ? 'resolved' : base.status,
      backfilled: false,
      impact_override: null,
      organization_id: pageId,
      postmortem_body: postmortem ? event.body : null,
      postmortem_body_last_updated_at: postmortem ? at : null,
      postmortem_ignored: false,
      postmortem_notified_subscribers: postmortem,
      postmortem_notified_twitter: false,
      postmortem_published_at: postmortem ? at : null,
      scheduled_remind_prior: false,
      scheduled_reminded_at: null,
      scheduled_auto_transition: incident.kind === 'maintenance',
    },
  };
}

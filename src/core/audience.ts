import { publicMarkdown } from './public-text.ts';
import type { Incident, StatusModel } from './model.ts';

export type Audience = 'public' | 'internal';

/**
 * The model as one audience may see it. The public view drops internal incidents, groups and
 * components (and every mention of them) and internal blocks from all Markdown; the internal view
 * is the whole model. Everything downstream (pages, feeds, API, notices) renders a view, never the
 * raw model, so no renderer has to remember what is secret.
 */
export function forAudience(model: StatusModel, audience: Audience): StatusModel {
  if (audience === 'internal') return model;
  const groups = model.groups.filter((g) => g.visibility === 'public');
  const groupIds = new Set(groups.map((g) => g.id));
  const components = model.components.filter(
    (c) => c.visibility === 'public' && (c.group === undefined || groupIds.has(c.group)),
  );
  const visible = new Set(components.map((c) => c.id));
  const keep = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).filter(([id]) => visible.has(id)));
  const incidents = model.incidents
    .filter((i) => i.visibility === 'public')
    .map((i) => publicIncident(i, keep));
  return { ...model, groups, components, incidents };
}

/**
 * Text that is wholly internal leaves no trace: an Update note with no public words is left out
 * (check refuses one that changes a status, see audience-rules.ts), and so is such a postmortem.
 */
function publicIncident(
  incident: Incident,
  keep: <T>(record: Record<string, T>) => Record<string, T>,
): Incident {
  const { workaround, postmortem, ...rest } = incident;
  const publicWorkaround = workaround === undefined ? '' : publicMarkdown(workaround);
  const publicPostmortem = postmortem ? publicMarkdown(postmortem.body) : '';
  return {
    ...rest,
    summary: publicMarkdown(incident.summary),
    components: keep(incident.components),
    updates: incident.updates
      .map((u) => ({ ...u, body: publicMarkdown(u.body), components: keep(u.components) }))
      .filter((u) => u.written !== 'update' || u.body !== ''),
    ...(publicWorkaround ? { workaround: publicWorkaround } : {}),
    ...(postmortem && publicPostmortem
      ? { postmortem: { ...postmortem, body: publicPostmortem } }
      : {}),
  };
}

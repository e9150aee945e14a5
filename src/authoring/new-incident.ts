import { localeOf } from '../core/page-locale.ts';
import type { ComponentStatus, Impact, StatusModel } from '../core/model.ts';
import { formatTimestampUtc } from '../core/timestamp.ts';
import { fileExists, incidentPath } from './incident-path.ts';
import { renderIncidentFile, writeTime, type NewFrontmatter } from './incident-text.ts';
import { fillTemplate, readTemplate, type TemplateValues } from './templates.ts';
import type { FileChange } from './validate-changes.ts';
import { componentWords, shortTime } from './wording.ts';

/** Everything `npx candor new` needs, whether it came from arguments or from the prompts. */
export interface NewIncidentRequest {
  kind: 'incident' | 'maintenance';
  title: string;
  impact?: Impact;
  components: Record<string, ComponentStatus>;
  /** Maintenance window. */
  from?: Date;
  until?: Date;
  /** When the first update is posted. */
  at: Date;
  next?: Date;
  summary?: string;
  message?: string;
  workaround?: string;
}

/** The first free path for this title on this day: neither its id nor its file may exist. */
async function freePath(
  root: string,
  model: StatusModel,
  day: Date,
  title: string,
): Promise<string> {
  const ids = new Set(model.incidents.map((i) => i.id));
  for (let n = 1; ; n++) {
    const { id, path } = incidentPath(day, title, n);
    if (!ids.has(id) && !(await fileExists(root, path))) return path;
  }
}

/** The new file, with its summary and first update drafted from the templates where not given. */
export async function draftNewIncident(
  root: string,
  model: StatusModel,
  request: NewIncidentRequest,
  schemas: string,
): Promise<FileChange> {
  const maintenance = request.kind === 'maintenance';
  const ids = Object.keys(request.components);
  const locale = localeOf(model);
  const values: TemplateValues = {
    title: request.title,
    ...(request.impact ? { impact: request.impact } : {}),
    ...componentWords(ids, model.components, locale),
    started: shortTime(request.at, request.at),
    ...(request.from ? { from: formatTimestampUtc(request.from) } : {}),
    ...(request.until ? { until: formatTimestampUtc(request.until) } : {}),
    ...(request.next ? { next_update: shortTime(request.next, request.at) } : {}),
    ...(request.workaround ? { workaround: request.workaround } : {}),
    ...(model.page.contact ? { contact: model.page.contact } : {}),
  };
  const draft = async (name: string) =>
    fillTemplate(await readTemplate(root, name, model.page.language), values);
  const summary = request.summary ?? (await draft(maintenance ? 'maintenance-summary' : 'summary'));
  const body = request.message ?? (await draft(maintenance ? 'scheduled' : 'investigating'));
  const path = await freePath(
    root,
    model,
    maintenance && request.from ? request.from : request.at,
    request.title,
  );
  const frontmatter: NewFrontmatter = {
    title: request.title,
    ...(maintenance ? { kind: 'maintenance' as const } : {}),
    ...(request.impact ? { impact: request.impact } : {}),
    ...(request.from ? { scheduled_for: writeTime(request.from) } : {}),
    ...(request.until ? { scheduled_until: writeTime(request.until) } : {}),
    components: request.components,
    ...(request.next ? { next_update: writeTime(request.next) } : {}),
    ...(request.workaround ? { workaround: request.workaround } : {}),
  };
  const text = renderIncidentFile({
    path,
    frontmatter,
    summary,
    sections: [{ at: request.at, status: maintenance ? 'scheduled' : 'investigating', body }],
    locale,
    schemas,
  });
  return { path, text };
}

import { parseArgs } from 'node:util';
import { askNewIncident } from '../authoring/ask-new-incident.ts';
import { readComponentList } from '../authoring/component-changes.ts';
import { runCommand } from './run-command.ts';
import { loadForAuthoring } from '../authoring/load-for-authoring.ts';
import { draftNewIncident, type NewIncidentRequest } from '../authoring/new-incident.ts';
import { nextSteps } from '../authoring/next-steps.ts';
import { terminalPrompter, type Terminal } from '../authoring/prompt.ts';
import { readTimeOption, updateTime } from '../authoring/times.ts';
import { validateChanges } from '../authoring/validate-changes.ts';
import { writeChanges } from '../authoring/write-changes.ts';
import { didYouMean, suggest } from '../core/diagnostics.ts';
import type { StatusModel } from '../core/model.ts';
import { impactSchema } from '../core/schema/common.ts';
import { currentTime } from '../shared/clock.ts';
import { UsageError } from '../core/errors.ts';
import type { Io } from '../shared/io.ts';

const USAGE =
  'npx candor new incident "<title>" --impact <level> --components <id>:<status>,...  or  npx candor new maintenance "<title>" --from "<time>" --until "<time>" --components <id>,...  (see docs/authoring.md)';

const OPTIONS = {
  impact: { type: 'string' },
  components: { type: 'string' },
  from: { type: 'string' },
  until: { type: 'string' },
  next: { type: 'string' },
  at: { type: 'string' },
  summary: { type: 'string' },
  message: { type: 'string' },
  workaround: { type: 'string' },
} as const;

/** "none, minor (Some users ...), major (...), critical (...)": the levels with the team's own words for them. */
function impactLevels(model: StatusModel): string {
  return impactSchema.options
    .map((level) => (model.severity?.[level] ? `${level} (${model.severity[level]})` : level))
    .join(', ');
}

/** The request as given on the command line; every mistake is a one-line usage error. */
function requestFromArguments(argv: string[], model: StatusModel, now: Date): NewIncidentRequest {
  const { values, positionals } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  const [kind, title, ...extra] = positionals;
  if (kind !== 'incident' && kind !== 'maintenance') {
    throw new UsageError(
      `the first argument is "incident" or "maintenance"${kind ? `, not "${kind}"` : ''}.`,
    );
  }
  if (!title?.trim()) throw new UsageError(`give the ${kind}'s title in quotes after "${kind}".`);
  if (extra.length > 0) throw new UsageError(`unexpected "${extra[0]}": put the title in quotes.`);
  const maintenance = kind === 'maintenance';
  const impact =
    values.impact === undefined ? undefined : impactSchema.safeParse(values.impact).data;
  if (values.impact !== undefined && !impact)
    throw new UsageError(
      `--impact "${values.impact}" is not an impact. ${didYouMean(values.impact, impactSchema.options) ? suggest(values.impact, impactSchema.options) : `Use ${impactLevels(model)}.`}`,
    );
  if (!maintenance && !impact)
    throw new UsageError(`an incident needs --impact: ${impactLevels(model)}.`);
  if (!values.components)
    throw new UsageError(
      maintenance
        ? 'list the components under maintenance: --components database,storage.'
        : 'list the affected components: --components api:partial_outage.',
    );
  const at = values.at ? readTimeOption('--at', values.at, now, { delay: false }) : updateTime(now);
  const components = readComponentList(
    values.components,
    model.components.map((c) => c.id),
    maintenance ? 'under_maintenance' : undefined,
  );
  const request: NewIncidentRequest = {
    kind,
    title: title.trim(),
    components,
    at,
    ...(impact ? { impact } : {}),
  };
  if (maintenance) {
    if (!values.from || !values.until)
      throw new UsageError(
        'a maintenance needs its window: --from "2026-12-05 02:00 UTC" --until "2026-12-05 04:00 UTC".',
      );
    request.from = readTimeOption('--from', values.from, now);
    request.until = readTimeOption('--until', values.until, now);
    if (request.until <= request.from)
      throw new UsageError(`--until "${values.until}" must be later than --from "${values.from}".`);
  } else if (values.from || values.until) {
    throw new UsageError(
      '--from and --until are for maintenance; use "maintenance" as the first argument.',
    );
  }
  const next = values.next ?? (maintenance ? 'none' : '+30m');
  if (next !== 'none') request.next = readTimeOption('--next', next, at);
  if (values.summary) request.summary = values.summary;
  if (values.message) request.message = values.message;
  if (values.workaround) request.workaround = values.workaround;
  return request;
}

/**
 * `npx candor new`: writes a new incident or maintenance file drafted from the templates, after the
 * result validates. Without arguments it asks on a terminal, and never waits when there is none.
 */
export async function runNew(argv: string[], io: Io, terminal?: Terminal): Promise<number> {
  return runCommand('new', io, USAGE, async () => {
    const now = currentTime(io.env);
    if (argv.length === 0 && !terminal)
      throw new UsageError(
        'there is no terminal to ask on: give the incident on the command line, e.g. npx candor new incident "Elevated API error rates" --impact major --components api:partial_outage',
      );
    const { model, schemas } = await loadForAuthoring(io.cwd, now);
    let request: NewIncidentRequest;
    if (argv.length === 0) {
      const prompter = terminalPrompter(terminal!);
      try {
        request = await askNewIncident(prompter, model, updateTime(now));
      } finally {
        prompter.close();
      }
    } else request = requestFromArguments(argv, model, now);

    const change = await draftNewIncident(io.cwd, model, request, schemas);
    const { warnings } = await validateChanges(io.cwd, [change], now);
    await writeChanges(io.cwd, [change]);
    const what = request.kind === 'maintenance' ? 'maintenance' : 'incident';
    io.stdout(
      nextSteps({
        done: `Created ${change.path}: the ${what} "${request.title}" with a first ${request.kind === 'maintenance' ? 'Scheduled' : 'Investigating'} update.`,
        paths: [change.path],
        commitMessage: `${request.kind === 'maintenance' ? 'Maintenance' : 'Incident'}: ${request.title}`,
        review: `Read ${change.path}: the drafted summary and update are a start; put in the facts (who is affected, what they can do).`,
        warnings,
      }),
    );
    return 0;
  });
}

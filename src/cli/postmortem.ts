import { parseArgs } from 'node:util';
import { addPostmortem } from '../authoring/add-postmortem.ts';
import { runCommand } from './run-command.ts';
import { findIncident } from '../authoring/find-incident.ts';
import { loadForAuthoring } from '../authoring/load-for-authoring.ts';
import { nextSteps } from '../authoring/next-steps.ts';
import { validateChanges } from '../authoring/validate-changes.ts';
import { writeChanges } from '../authoring/write-changes.ts';
import type { Io } from '../shared/io.ts';
import { currentTime } from '../shared/clock.ts';
import { UsageError } from '../core/errors.ts';

const USAGE = 'npx candor postmortem <incident id>';

/** `npx candor postmortem <id>`: drafts a blameless postmortem with the impact window and timeline filled in. */
export async function runPostmortem(argv: string[], io: Io): Promise<number> {
  return runCommand('postmortem', io, USAGE, async () => {
    const { positionals } = parseArgs({
      args: argv,
      options: {},
      allowPositionals: true,
      strict: true,
    });
    const [id, ...extra] = positionals;
    if (!id)
      throw new UsageError(
        'give the id of the incident, e.g. `npx candor postmortem 2026-11-22-api-errors`.',
      );
    if (extra.length > 0) throw new UsageError(`unexpected "${extra[0]}": give one incident id.`);
    const now = currentTime(io.env);
    const context = await loadForAuthoring(io.cwd, now);
    const { model } = context;
    const incident = findIncident(context, id);
    const change = await addPostmortem(io.cwd, model, incident, now);
    const { warnings } = await validateChanges(io.cwd, [change], now);
    await writeChanges(io.cwd, [change]);
    io.stdout(
      nextSteps({
        done: `Added a postmortem draft to ${change.path}.`,
        paths: [change.path],
        commitMessage: `${incident.title}: postmortem`,
        review: `Write the postmortem in ${change.path}: replace each prompt with what happened, blamelessly (systems and decisions, not people).`,
        warnings,
      }),
    );
    return 0;
  });
}

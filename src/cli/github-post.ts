import { randomBytes } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { runCommand } from './run-command.ts';
import { ID_PATTERN } from '../core/schema/common.ts';
import {
  englishStatusWord,
  readUpdateStatus,
  updateStatusSchema,
} from '../core/schema/update-status.ts';
import { suggest } from '../core/diagnostics.ts';
import type { Io } from '../shared/io.ts';
import { UsageError } from '../core/errors.ts';
import { runNew } from './new.ts';
import { runResolve } from './resolve.ts';
import { runUpdate } from './update.ts';
import { isEnded } from '../core/status.ts';

/** The inputs of the "Post an incident update" workflow, as the environment variables it passes. */
const POST_INPUTS = {
  incident: 'CANDOR_POST_INCIDENT',
  title: 'CANDOR_POST_TITLE',
  impact: 'CANDOR_POST_IMPACT',
  components: 'CANDOR_POST_COMPONENTS',
  status: 'CANDOR_POST_STATUS',
  message: 'CANDOR_POST_MESSAGE',
  nextMinutes: 'CANDOR_POST_NEXT_MINUTES',
} as const;

const USAGE = `npx candor github post, with ${Object.values(POST_INPUTS).join(', ')} set (docs/github.md)`;

/**
 * `npx candor github post`: what the "Post an incident update" workflow runs. It reads the form a phone sends
 * from environment variables (never from a command line a shell would parse) and runs the same
 * command a laptop would: `new` for "new", `resolve` for Resolved, `update` otherwise. Each value is
 * handed over as one argument, after `--` or as `--option=value`, so no input is read as an option.
 * With GITHUB_OUTPUT set (in Actions), it writes the commit message there.
 */
export async function runPost(io: Io): Promise<number> {
  let plan: { run: (io: Io) => Promise<number>; commitMessage: string } | undefined;
  const code = await runCommand('github post', io, USAGE, async () => {
    plan = planPost(io.env);
    return 0;
  });
  if (!plan) return code;
  const result = await plan.run(io);
  if (result === 0 && io.env.GITHUB_OUTPUT)
    await writeOutput(io.env.GITHUB_OUTPUT, 'commit-message', plan.commitMessage);
  return result;
}

function planPost(env: Io['env']): { run: (io: Io) => Promise<number>; commitMessage: string } {
  const input = (name: keyof typeof POST_INPUTS) => (env[POST_INPUTS[name]] ?? '').trim();
  const incident = input('incident').toLowerCase() === 'new' ? 'new' : input('incident');
  const message = input('message');
  const components = input('components').replace(/\s+/g, '');
  const next = nextOption(input('nextMinutes'));
  if (!incident)
    throw new UsageError(
      'say which incident: "new", or the id of an open incident such as 2026-11-23-api-errors.',
    );
  if (incident === 'new') {
    const title = input('title');
    if (!title)
      throw new UsageError('a new incident needs a title, e.g. "Elevated API error rates".');
    if (/[\r\n]/.test(title)) throw new UsageError('the title is one line.');
    const status = input('status');
    if (status && readUpdateStatus(status) !== 'investigating') {
      throw new UsageError(
        `a new incident starts as Investigating, not "${status}": open it, then post "${status}" as an update of it.`,
      );
    }
    const argv = [
      `--impact=${input('impact')}`,
      `--components=${components}`,
      ...(message ? [`--message=${message}`] : []),
      ...(next ? [`--next=${next}`] : []),
      '--',
      'incident',
      title,
    ];
    return { run: (io) => runNew(argv, io), commitMessage: `Incident: ${title}` };
  }
  if (!ID_PATTERN.test(incident))
    throw new UsageError(
      `"${incident}" is not an incident id: write "new", or an id such as 2026-11-23-api-errors (the file name without .md).`,
    );
  if (input('title'))
    throw new UsageError(
      `the title is only for a new incident; leave it empty to update ${incident}.`,
    );
  const statusText = input('status');
  const status = readUpdateStatus(statusText);
  if (!status)
    throw new UsageError(
      `"${statusText}" is not a status. ${suggest(statusText, updateStatusSchema.options)}`,
    );
  if (isEnded(status)) {
    if (components)
      throw new UsageError(
        'resolving sets every component back to operational: leave the components empty.',
      );
    return {
      run: (io) => runResolve(['--', incident, ...(message ? [message] : [])], io),
      commitMessage: `${incident}: ${englishStatusWord(status)}`,
    };
  }
  const argv = [
    ...(components ? [`--components=${components}`] : []),
    ...(next ? [`--next=${next}`] : []),
    '--',
    incident,
    status,
    ...(message ? [message] : []),
  ];
  return {
    run: (io) => runUpdate(argv, io),
    commitMessage: `${incident}: ${englishStatusWord(status)}`,
  };
}

/** Minutes as the form sends them: empty keeps the command's default, 0 or "none" promises no next update. */
function nextOption(text: string): string | undefined {
  if (text === '') return undefined;
  if (text === '0' || text.toLowerCase() === 'none') return 'none';
  if (!/^\d{1,4}$/.test(text) || Number(text) > 1440)
    throw new UsageError(
      `the next update is a number of minutes from 1 to 1440 (or 0 for none), not "${text}".`,
    );
  return `+${Number(text)}m`;
}

/** `name<<DELIMITER`, so no value, however written, can end the entry early and set another output. */
async function writeOutput(file: string, name: string, value: string): Promise<void> {
  const delimiter = `CANDOR_${randomBytes(12).toString('hex')}`;
  await appendFile(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

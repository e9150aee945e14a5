import type { Terminal } from '../authoring/prompt.ts';
import type { Io } from '../shared/io.ts';
import { EXIT, type Command } from './run-command.ts';

const terminal: Terminal | undefined =
  process.stdin.isTTY && process.stdout.isTTY
    ? { input: process.stdin, output: process.stdout }
    : undefined;

/**
 * Every command of the `candor` bin; the GitHub workflows call the `github` ones. Each is loaded
 * when called: `build` alone brings Astro, which would slow every other command's start.
 */
export const COMMANDS: Record<string, { load: () => Promise<Command>; about: string }> = {
  init: {
    load: async () => {
      const { runInit } = await import('./init.ts');
      return (argv, io) => runInit(argv, io, terminal);
    },
    about: 'write a new status repository',
  },
  check: {
    load: async () => (await import('./check.ts')).runCheck,
    about: 'validate components.yaml, notify.yaml and incidents/',
  },
  build: {
    load: async () => (await import('./build.ts')).runBuild,
    about: 'validate, then build the site into dist/',
  },
  new: {
    load: async () => {
      const { runNew } = await import('./new.ts');
      return (argv, io) => runNew(argv, io, terminal);
    },
    about: 'draft a new incident or maintenance',
  },
  update: {
    load: async () => (await import('./update.ts')).runUpdate,
    about: 'append an update to an incident',
  },
  resolve: {
    load: async () => {
      const { runResolve } = await import('./resolve.ts');
      return (argv, io) => runResolve(argv, io, terminal);
    },
    about: 'append Resolved (Completed for a maintenance)',
  },
  postmortem: {
    load: async () => (await import('./postmortem.ts')).runPostmortem,
    about: 'append a postmortem draft',
  },
  import: {
    load: async () => (await import('./import.ts')).runImport,
    about: 'bring history from Statuspage or cState',
  },
  notify: {
    load: async () => (await import('./notify.ts')).runNotify,
    about: 'send the notices not yet delivered',
  },
  schemas: {
    load: async () => (await import('./schemas.ts')).runSchemas,
    about: 'write JSON Schemas for editors into schemas/',
  },
  'github pr-report': {
    load: async () => (await import('./github-pr-report.ts')).runPrReport,
    about: 'PR check: job summary and notice preview',
  },
  'github pr-comment': {
    load: async () => (await import('./github-pr-comment.ts')).runPrComment,
    about: 'post the PR comment from a report',
  },
  'github post': {
    load: async () => {
      const { runPost } = await import('./github-post.ts');
      return (_argv, io) => runPost(io);
    },
    about: 'post an update from the post-update workflow',
  },
  'github notify': {
    load: async () => (await import('./github-notify.ts')).runGitHubNotify,
    about: 'notify, with the ledger on a git branch',
  },
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    'Usage: candor <command> [options]   (--debug shows the stack of an unexpected error)',
    '',
    ...Object.entries(COMMANDS).map(([name, { about }]) => `  ${name.padEnd(width)}  ${about}`),
  ].join('\n');
}

/** Picks the command from the first words of `argv` (two for `github ...`) and runs it. */
export async function main(argv: string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((arg) => arg !== '--debug');
  const [first, second] = args;
  if (!first || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(help());
    return first ? EXIT.ok : EXIT.usage;
  }
  const twoWords = `${first} ${second}`;
  const name = COMMANDS[twoWords] ? twoWords : first;
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`candor: there is no command "${first}".\n${help()}`);
    return EXIT.usage;
  }
  const run = await command.load();
  return run(args.slice(name.split(' ').length), { ...io, debug });
}

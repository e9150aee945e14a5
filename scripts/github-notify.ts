import { processIo } from '../src/cli/check.ts';
import { runGitHubNotify } from '../src/cli/github-notify.ts';

process.exitCode = await runGitHubNotify(process.argv.slice(2), processIo);

import { processIo } from '../src/cli/check.ts';
import { runPostmortem } from '../src/cli/postmortem.ts';

process.exitCode = await runPostmortem(process.argv.slice(2), processIo);

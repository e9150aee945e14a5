import { processIo } from '../src/cli/check.ts';
import { runUpdate } from '../src/cli/update.ts';

process.exitCode = await runUpdate(process.argv.slice(2), processIo);

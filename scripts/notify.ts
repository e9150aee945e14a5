import { processIo } from '../src/cli/check.ts';
import { runNotify } from '../src/cli/notify.ts';

process.exitCode = await runNotify(process.argv.slice(2), processIo);

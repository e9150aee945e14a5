import { processIo } from '../src/cli/check.ts';
import { runResolve } from '../src/cli/resolve.ts';

process.exitCode = await runResolve(process.argv.slice(2), processIo);

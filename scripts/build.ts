import { processIo } from '../src/cli/check.ts';
import { runBuild } from '../src/cli/build.ts';

process.exitCode = await runBuild(process.argv.slice(2), processIo);

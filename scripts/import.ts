import { processIo } from '../src/cli/check.ts';
import { runImport } from '../src/cli/import.ts';

process.exitCode = await runImport(process.argv.slice(2), processIo);

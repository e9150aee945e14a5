import { processIo } from '../src/cli/check.ts';
import { runPrReport } from '../src/cli/github-pr-report.ts';

process.exitCode = await runPrReport(process.argv.slice(2), processIo);

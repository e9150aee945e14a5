import { processIo } from '../src/cli/check.ts';
import { runPrComment } from '../src/cli/github-pr-comment.ts';

process.exitCode = await runPrComment(process.argv.slice(2), processIo);

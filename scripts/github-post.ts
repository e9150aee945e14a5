import { processIo } from '../src/cli/check.ts';
import { runPost } from '../src/cli/github-post.ts';

process.exitCode = await runPost(processIo);

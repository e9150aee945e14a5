import { processIo } from '../src/cli/check.ts';
import { runNew } from '../src/cli/new.ts';

const terminal = process.stdin.isTTY && process.stdout.isTTY ? { input: process.stdin, output: process.stdout } : undefined;
process.exitCode = await runNew(process.argv.slice(2), processIo, terminal);

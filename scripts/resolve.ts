import { processIo } from '../src/cli/check.ts';
import { runResolve } from '../src/cli/resolve.ts';

const terminal = process.stdin.isTTY && process.stdout.isTTY ? { input: process.stdin, output: process.stdout } : undefined;
process.exitCode = await runResolve(process.argv.slice(2), processIo, terminal);

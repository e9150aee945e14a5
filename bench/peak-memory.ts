// Preloaded into a benchmarked command (`node --import ./bench/peak-memory.ts ...`): on exit it writes
// the process's peak resident memory (KiB) to the file named by CANDOR_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env.CANDOR_BENCH_RSS_FILE;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));

// Preloaded into a benchmarked command (`node --import ./bench/peak-memory.ts ...`): on exit it writes
// the process's peak resident memory (KiB) and CPU time (user + system, ms) as JSON to the file
// named by CANDOR_BENCH_RSS_FILE. CPU time is what a loaded, shared machine does not inflate.
import { writeFileSync } from 'node:fs';

const target = process.env.CANDOR_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({
        rssKiB: usage.maxRSS,
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      }),
    );
  });
}

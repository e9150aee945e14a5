// Validation and derived status of 10,000 generated incidents: `npx node bench/validate.ts [count] [runs]`.
// Prints the median and range over several runs. Not a test: nothing here asserts a time.
import { loadRepository } from '../src/core/load-repository.ts';
import { componentStatuses, pageStatus } from '../src/core/status.ts';
import { generateRepository } from './generate.ts';

const count = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 7);
const now = new Date('2026-11-23T12:00:00Z');
const encoder = new TextEncoder();
const generated = generateRepository({ incidents: count, seed: 42, now }).map((f) => ({
  path: f.path,
  bytes: encoder.encode(f.content),
}));
const files = { config: generated[0]!, incidents: generated.slice(1) };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const load: number[] = [];
const loadCpu: number[] = [];
const derive: number[] = [];
for (let run = 0; run < runs; run++) {
  const t0 = performance.now();
  const cpu = process.cpuUsage();
  const result = loadRepository(files, { now });
  const { user, system } = process.cpuUsage(cpu);
  const t1 = performance.now();
  const statuses = componentStatuses(result.model!, now);
  pageStatus(result.model!, now, statuses);
  const t2 = performance.now();
  if (result.diagnostics.some((d) => d.severity === 'error'))
    throw new Error(`generated files do not validate: ${JSON.stringify(result.diagnostics[0])}`);
  load.push(t1 - t0);
  // CPU time as well as wall time: on a shared machine the wall time also measures the neighbours.
  loadCpu.push((user + system) / 1000);
  derive.push(t2 - t1);
}
const show = (xs: number[]) =>
  `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
console.log(`validate ${count} incidents, ${runs} runs: wall ${show(load)}; CPU ${show(loadCpu)}`);
console.log(`derive component and page status: ${show(derive)}`);

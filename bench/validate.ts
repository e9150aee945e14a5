// Validation and derived status of 10,000 generated incidents: `npx node bench/validate.ts [count] [runs]`.
// Prints the median and range over several runs. Not a test: nothing here asserts a time.
import { loadRepository } from '../src/core/load-repository.ts';
import type { SourceFile } from '../src/core/source-text.ts';
import { componentStatuses, pageStatus } from '../src/core/status.ts';

const count = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 7);
const now = new Date('2026-11-23T12:00:00Z');
const encoder = new TextEncoder();
const COMPONENTS = Array.from({ length: 40 }, (_, i) => `component-${i}`);
const STATUSES = ['degraded_performance', 'partial_outage', 'major_outage'];

const config: SourceFile = {
  path: 'components.yaml',
  bytes: encoder.encode(
    `page: { name: Bench, url: https://status.example.com }\ngroups:\n  - { id: core, name: Core }\ncomponents:\n${COMPONENTS.map((id) => `  - { id: ${id}, name: ${id}, group: core }`).join('\n')}\n`,
  ),
};

/** One incident per hour going back from `now`, every tenth a maintenance, the newest few still open. */
function incident(i: number): SourceFile {
  const at = (minutes: number) => new Date(now.getTime() - i * 3_600_000 + minutes * 60_000).toISOString().replace(/:\d\d\.\d+Z$/, 'Z');
  const id = `incident-${String(i).padStart(5, '0')}`;
  const component = COMPONENTS[i % COMPONENTS.length]!;
  const text = i % 10 === 0
    ? `---\ntitle: Maintenance ${i}\nkind: maintenance\nscheduled_for: ${at(-30)}\nscheduled_until: ${at(30)}\ncomponents: [${component}]\n---\nPlanned work.\n\n` +
      `## ${at(-1440)} · Scheduled\nAnnounced a day ahead.\n\n## ${at(30)} · Completed\nDone.\n`
    : `---\ntitle: Incident ${i}\nimpact: ${['minor', 'major', 'critical'][i % 3]}\ncomponents:\n  ${component}: ${STATUSES[i % 3]}\n---\n` +
      // Every third body has a list, which sends it through the full Markdown parser.
      `Some requests fail.\n${i % 3 === 0 ? '\n- Retry with backoff.\n- Use the EU endpoint.\n' : ''}\n## ${at(-60)} · Investigating\nWe are **investigating** [the errors](https://example.com).\n\n` +
      `## ${at(-40)} · Identified\nComponents: ${component}: degraded_performance\n\nA bad deploy.\n\n` +
      (i < 3 ? '' : `## ${at(-20)} · Resolved\nFixed.\n\n## Postmortem\nWhat we change.\n`);
  return { path: `incidents/${id}.md`, bytes: encoder.encode(text) };
}

const files = { config, incidents: Array.from({ length: count }, (_, i) => incident(i)) };
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
  if (result.diagnostics.some((d) => d.severity === 'error')) throw new Error(`generated files do not validate: ${JSON.stringify(result.diagnostics[0])}`);
  load.push(t1 - t0);
  // CPU time as well as wall time: on a shared machine the wall time also measures the neighbours.
  loadCpu.push((user + system) / 1000);
  derive.push(t2 - t1);
}
const show = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
console.log(`validate ${count} incidents, ${runs} runs: wall ${show(load)}; CPU ${show(loadCpu)}`);
console.log(`derive component and page status: ${show(derive)}`);

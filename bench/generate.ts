import { formatTimestampUtc } from '../src/core/timestamp.ts';

/**
 * A synthetic but valid status repository for benchmarks: `incidents` incidents and maintenance
 * spread over the two years before `now`, over 12 components in 3 groups. Pure and seeded: the same
 * options always give the same files.
 */
export interface GenerateOptions {
  incidents: number;
  seed: number;
  /** The moment the repository is meant to be built at; defaults to the example's. */
  now?: Date;
}

export interface GeneratedFile {
  path: string;
  content: string;
}

const GROUPS = ['core', 'data', 'delivery'] as const;
const COMPONENTS = ['api', 'dashboard', 'auth', 'search', 'database', 'storage', 'queue', 'cache', 'webhooks', 'cdn', 'email', 'dns'];
const STATUSES = ['degraded_performance', 'partial_outage', 'major_outage'] as const;
const IMPACTS = ['minor', 'major', 'critical'] as const;
const SUBJECTS = ['Elevated error rates', 'Slow responses', 'Delayed deliveries', 'Failed sign-ins', 'Timeouts', 'Connection resets'];
const MINUTE = 60_000;
const SPAN = 730 * 24 * 60 * MINUTE;

/** mulberry32: tiny, fast and good enough to spread synthetic incidents. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateRepository(options: GenerateOptions): GeneratedFile[] {
  const next = random(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const now = (options.now ?? new Date('2026-11-23T12:00:00Z')).getTime();
  const components = COMPONENTS.map((id, i) => `  - { id: ${id}, name: ${id[0]!.toUpperCase()}${id.slice(1)}, group: ${GROUPS[i % 3]}, since: 2024-01-01 }`);
  const files: GeneratedFile[] = [{
    path: 'components.yaml',
    content: `page: { name: Bench Cloud, url: https://status.bench.test, timezone: UTC }\ngroups:\n${GROUPS.map((g) => `  - { id: ${g}, name: ${g} }`).join('\n')}\ncomponents:\n${components.join('\n')}\n`,
  }];
  for (let i = 0; i < options.incidents; i++) {
    // Everything has ended at least a day before `now`, so no incident triggers time warnings.
    const start = Math.floor((now - 24 * 60 * MINUTE - next() * SPAN) / MINUTE) * MINUTE;
    const affected = [...new Set([pick(COMPONENTS), pick(COMPONENTS)])];
    const day = new Date(start).toISOString().slice(0, 10);
    const path = `incidents/${day.slice(0, 4)}/${day}-bench-${i}.md`;
    const at = (offset: number) => formatTimestampUtc(new Date(start + offset * MINUTE));
    if (next() < 0.1) {
      files.push({ path, content: [
        '---', `title: Planned upgrade ${i}`, 'kind: maintenance', 'impact: none',
        `scheduled_for: ${at(0)}`, `scheduled_until: ${at(120)}`, 'components:', ...affected.map((c) => `  - ${c}`), '---',
        'We upgrade the servers; connections may be reset once.', '', `## ${at(-2 * 24 * 60)} · Scheduled`, 'Planned.', '',
        `## ${at(0)} · In progress`, 'Started.', '', `## ${at(90)} · Completed`, 'Done.', '',
      ].join('\n') });
      continue;
    }
    const duration = 10 + Math.floor(next() * 240);
    files.push({ path, content: [
      '---', `title: ${pick(SUBJECTS)} (${i})`, `impact: ${pick(IMPACTS)}`, 'components:', ...affected.map((c) => `  ${c}: ${pick(STATUSES)}`), '---',
      'Some requests failed. **Retrying** with backoff succeeded in most cases; see [the guide](https://example.test/retry).', '',
      `## ${at(0)} · Investigating`, 'We are investigating.', '',
      `## ${at(Math.floor(duration / 3))} · Identified`, 'We found the cause and are fixing it.', '',
      `## ${at(Math.floor((2 * duration) / 3))} · Monitoring`, `Components: ${affected.map((c) => `${c}: degraded_performance`).join(', ')}`, '', 'A fix is deployed; we are watching.', '',
      `## ${at(duration)} · Resolved`, 'Everything works again.', '',
    ].join('\n') });
  }
  return files;
}

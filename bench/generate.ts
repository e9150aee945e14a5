import { formatTimestampUtc } from '../src/core/timestamp.ts';

/**
 * A synthetic but realistic status repository for benchmarks: `incidents` incidents and maintenance
 * spread over the five years before `now`, over 12 components in 4 groups, with 1-3 paragraph
 * summaries, 2-5 updates, status changes, some postmortems. Pure and seeded: the same options always
 * give the same files, so runs on different days measure the same work.
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

const GROUPS = [
  { id: 'core', name: 'Core platform', components: ['api', 'dashboard', 'auth'] },
  { id: 'data', name: 'Data services', components: ['database', 'storage', 'search'] },
  { id: 'delivery', name: 'Delivery', components: ['webhooks', 'cdn', 'email'] },
  { id: 'infra', name: 'Infrastructure', components: ['queue', 'cache', 'dns'] },
] as const;
const COMPONENTS = GROUPS.flatMap((g) => g.components);
const STATUSES = ['degraded_performance', 'partial_outage', 'major_outage'] as const;
const IMPACTS = ['minor', 'minor', 'major', 'major', 'critical'] as const;
const SUBJECTS = [
  'Elevated error rates',
  'Slow responses',
  'Delayed deliveries',
  'Failed sign-ins',
  'Timeouts',
  'Connection resets',
  'Stale data',
];
const REGIONS = ['eu-west', 'us-east', 'ap-south', 'all regions'];
const SENTENCES = [
  'Some requests fail with HTTP 502 and succeed when retried with backoff.',
  'Customers in the affected region may see pages load slowly or time out.',
  'No data has been lost; writes that failed were not applied and can be retried safely.',
  'Deliveries are queued and will be sent once the backlog drains.',
  'Signing in with email or SSO still works; only the affected method fails.',
  'See [the retry guide](https://docs.bench.test/retries) for how to handle transient errors.',
  'The **dashboard** shows a banner while the problem lasts.',
  'Other regions and components are not affected.',
];
/** Every generated incident is over, so its summary tells what happened in the past tense. */
const PAST_SENTENCES = [
  'Some requests failed with HTTP 502 and succeeded when retried with backoff.',
  'Customers in the affected region saw pages load slowly or time out.',
  'No data was lost; writes that failed were not applied and could be retried safely.',
  'Deliveries were queued and sent once the backlog drained.',
  'Signing in with email or SSO kept working; only the affected method failed.',
  'See [the retry guide](https://docs.bench.test/retries) for how to handle transient errors.',
  'The **dashboard** showed a banner while the problem lasted.',
  'Other regions and components were not affected.',
];
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const SPAN = 5 * 365 * DAY;

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
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const paragraph = (sentences: readonly string[] = SENTENCES) =>
    Array.from({ length: between(1, 3) }, () => pick(sentences)).join(' ');
  const paragraphs = (count: number, sentences: readonly string[] = SENTENCES) =>
    Array.from({ length: count }, () => paragraph(sentences)).join('\n\n');
  const now = (options.now ?? new Date('2026-11-23T12:00:00Z')).getTime();

  const files: GeneratedFile[] = [
    {
      path: 'components.yaml',
      content: [
        'page: { name: Bench Cloud, url: https://status.bench.test, timezone: UTC, contact: support@bench.test }',
        'groups:',
        ...GROUPS.map((g) => `  - { id: ${g.id}, name: ${g.name} }`),
        'components:',
        ...GROUPS.flatMap((g) =>
          g.components.map(
            (id) =>
              `  - { id: ${id}, name: ${id[0]!.toUpperCase()}${id.slice(1)}, group: ${g.id}, since: 2021-06-01 }`,
          ),
        ),
        '',
      ].join('\n'),
    },
  ];

  for (let i = 0; i < options.incidents; i++) {
    // Everything has ended at least a day before `now`, so no incident triggers time warnings.
    const start = Math.floor((now - DAY - next() * SPAN) / MINUTE) * MINUTE;
    const affected = [
      ...new Set([pick(COMPONENTS), pick(COMPONENTS), pick(COMPONENTS)].slice(0, between(1, 3))),
    ];
    const day = new Date(start).toISOString().slice(0, 10);
    const path = `incidents/${day.slice(0, 4)}/${day}-bench-${i}.md`;
    const at = (offset: number) => formatTimestampUtc(new Date(start + offset * MINUTE));

    if (next() < 0.1) {
      const length = 60 * between(1, 4);
      files.push({
        path,
        content: [
          '---',
          `title: Planned upgrade of ${affected.join(' and ')} (${i})`,
          'kind: maintenance',
          'impact: none',
          `scheduled_for: ${at(0)}`,
          `scheduled_until: ${at(length)}`,
          'components:',
          ...affected.map((c) => `  - ${c}`),
          '---',
          paragraphs(between(1, 2), PAST_SENTENCES),
          '',
          `## ${at(-between(2, 14) * 24 * 60)} · Scheduled`,
          `The work is planned for ${at(0)} to ${at(length)}. ${paragraph()}`,
          '',
          `## ${at(0)} · In progress`,
          'The work has started.',
          '',
          `## ${at(length - between(5, 50))} · Completed`,
          'The work is done and everything works as expected.',
          '',
        ].join('\n'),
      });
      continue;
    }

    const duration = between(10, 600);
    const updates = between(2, 5);
    const steps = ['Investigating', 'Identified', 'Monitoring', 'Update'].slice(0, updates - 1);
    const sections = steps.map((status, step) => {
      const change =
        status === 'Monitoring'
          ? `Components: ${affected.map((c) => `${c}: degraded_performance`).join(', ')}\n\n`
          : '';
      return `## ${at(Math.floor((duration * step) / updates))} · ${status}\n${change}${paragraphs(between(1, 2))} Next update within 30 minutes.`;
    });
    sections.push(
      `## ${at(duration)} · Resolved\nThe problem is fixed and everything works again.`,
    );
    const postmortem =
      next() < 0.3
        ? [
            '## Postmortem',
            `**Impact.** ${paragraph(PAST_SENTENCES)}`,
            '',
            `**Root cause.** ${paragraph(PAST_SENTENCES)}`,
            '',
            '**What we change.**',
            '- Add an alert.',
            '- Add a test.',
            '',
          ]
        : [];
    files.push({
      path,
      content: [
        '---',
        `title: ${pick(SUBJECTS)} in ${pick(REGIONS)} (${i})`,
        `impact: ${pick(IMPACTS)}`,
        'components:',
        ...affected.map((c) => `  ${c}: ${pick(STATUSES)}`),
        '---',
        paragraphs(between(1, 3), PAST_SENTENCES),
        '',
        sections.join('\n\n'),
        '',
        ...postmortem,
      ].join('\n'),
    });
  }
  return files;
}

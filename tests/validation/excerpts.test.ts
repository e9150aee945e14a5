import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/core/format-diagnostics.ts';
import { loadRepository } from '../../src/core/load-repository.ts';
import { loadNotifyConfig } from '../../src/notify/load-config.ts';
import { VALID_CONFIG } from './temp-repository.ts';

/** Stands in for a key or an environment: long, with control characters that could forge terminal output. */
const SECRET = `TOKEN_${'x9'.repeat(60)}\u0000\u001b[31mRED`;
const bytes = (text: string) => new TextEncoder().encode(text);
const incident = (front: string, body = '## 2026-11-20 10:00 UTC · Investigating\nLooking.\n') =>
  `---\ntitle: Slow\nimpact: minor\ncomponents:\n  api: degraded_performance\n${front}---\nSummary.\n\n${body}`;

/** The same content in every place a message may quote it. */
const PLACES: [string, { config?: string; incident?: string; notify?: string }][] = [
  ['the whole file as one scalar', { config: `${SECRET}\n` }],
  ['a YAML syntax error on its line', { config: `page: {name: ${SECRET}\n` }],
  [
    'a duplicate key',
    {
      config: `page: { name: a, url: https://a.test }\n${SECRET}: 1\n${SECRET}: 2\ncomponents: []\n`,
    },
  ],
  ['a value with ": " in it', { incident: incident(`workaround: ${SECRET}: x\n`) }],
  ['an unknown key', { incident: incident(`${SECRET}: 1\n`) }],
  [
    'an invalid enum value',
    { incident: incident('').replace('impact: minor', `impact: ${JSON.stringify(SECRET)}`) },
  ],
  [
    'a value of the wrong type',
    { incident: incident('').replace('title: Slow', `title: [${JSON.stringify(SECRET)}]`) },
  ],
  [
    'an unknown component',
    {
      incident: incident(`next_update: 2026-11-20 11:00 UTC\n`).replace(
        'api:',
        `${JSON.stringify(SECRET)}:`,
      ),
    },
  ],
  [
    'an update heading status',
    { incident: incident('', `## 2026-11-20 10:00 UTC · ${SECRET}\nText.\n`) },
  ],
  [
    'an unknown section',
    { incident: incident('', `## 2026-11-20 10:00 UTC · Investigating\nText.\n\n## ${SECRET}\n`) },
  ],
  [
    'a Components: line',
    {
      incident: incident(
        '',
        `## 2026-11-20 10:00 UTC · Investigating\nComponents: ${SECRET}\n\nText.\n`,
      ),
    },
  ],
  [
    'a notify.yaml channel',
    {
      notify: `channels:\n  - { id: ${JSON.stringify(SECRET)}, type: ${JSON.stringify(SECRET)}, url_env: X }\n`,
    },
  ],
  ['a notify.yaml page url', { notify: `channels: ${JSON.stringify(SECRET)}\n` }],
];

describe('messages about a file quote its content only as a short, escaped excerpt', async () => {
  const config = await readFile(VALID_CONFIG, 'utf8');
  it.each(PLACES)('%s', (_, files) => {
    const result = loadRepository(
      {
        config: { path: 'components.yaml', bytes: bytes(files.config ?? config) },
        incidents: files.incident
          ? [{ path: 'incidents/2026-11-20-slow.md', bytes: bytes(files.incident) }]
          : [],
      },
      { now: new Date('2026-11-23T12:00:00Z') },
    );
    const notify = files.notify
      ? loadNotifyConfig({ path: 'notify.yaml', bytes: bytes(files.notify) }, ['api']).diagnostics
      : [];
    const diagnostics = [...result.diagnostics, ...notify];
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const format of ['pretty', 'github', 'json'] as const) {
      const output = formatDiagnostics(diagnostics, format);
      // At most a 40-character excerpt of the content, and no raw control character.
      expect(output).not.toContain(SECRET.slice(0, 41));
      // eslint-disable-next-line no-control-regex -- the assertion is that none is printed
      expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { runNew } from '../../src/cli/new.ts';
import { runPostmortem } from '../../src/cli/postmortem.ts';
import { runResolve } from '../../src/cli/resolve.ts';
import { runUpdate } from '../../src/cli/update.ts';
import { componentStatuses, lifecycleAt } from '../../src/core/status.ts';
import {
  captureIo,
  loadRepo,
  readRepoFile,
  NEW_API_INCIDENT,
  useTempRepo,
  writeRepoFile,
} from './temp-repo.ts';

const root = useTempRepo();

const FILE = 'incidents/2026/2026-11-23-elevated-api-error-rates.md';
const ID = '2026-11-23-elevated-api-error-rates';

describe('new -> update -> resolve -> postmortem', () => {
  it('keeps the file valid at every step and ends resolved with a postmortem', async () => {
    const created = captureIo(root(), '2026-11-23T12:00:00Z');
    expect(await runNew(NEW_API_INCIDENT, created)).toBe(0);
    expect(created.out.join('\n')).toContain(
      `git add ${FILE} && git commit -m 'Incident: Elevated API error rates'`,
    );
    let text = await readRepoFile(root(), FILE);
    expect(text).toMatch(
      /^---\n# yaml-language-server: \$schema=\.\.\/\.\.\/schemas\/incident\.schema\.json\ntitle: Elevated API error rates\n/,
    );
    expect(text).toContain(
      '## 2026-11-23 12:00 UTC · Investigating\nREST API and Dashboard: [[what users see',
    );
    expect(text).toContain('next_update: 2026-11-23 12:30 UTC');
    let { model, diagnostics } = await loadRepo(root(), '2026-11-23T12:00:00Z');
    // The drafted summary and update wait for the facts: check says where, and nothing else.
    expect(diagnostics.map((d) => `${d.line} ${d.severity} ${d.code}`)).toEqual([
      '10 warning placeholder-left',
      '15 warning placeholder-left',
    ]);
    expect(lifecycleAt(model!.incidents[0]!, new Date('2026-11-23T12:00:00Z'))).toBe(
      'investigating',
    );

    expect(
      await runUpdate(
        [ID, 'identified', 'A bad deploy; we are rolling it back.', '--next', '+40m'],
        captureIo(root(), '2026-11-23T12:20:30Z'),
      ),
    ).toBe(0);
    text = await readRepoFile(root(), FILE);
    expect(text).toContain(
      '## 2026-11-23 12:20 UTC · Identified\nA bad deploy; we are rolling it back.\n',
    );
    expect(text).toContain('next_update: 2026-11-23 13:00 UTC');

    expect(
      await runUpdate(
        [ID, 'monitoring', '--components', 'api:degraded_performance,dashboard:operational'],
        captureIo(root(), '2026-11-23T12:50:00Z'),
      ),
    ).toBe(0);
    ({ model, diagnostics } = await loadRepo(root(), '2026-11-23T12:50:00Z'));
    expect(diagnostics.filter((d) => d.code !== 'placeholder-left')).toEqual([]);
    expect(componentStatuses(model!, new Date('2026-11-23T12:50:00Z')).get('api')).toBe(
      'degraded_performance',
    );
    expect(await readRepoFile(root(), FILE)).toContain(
      '## 2026-11-23 12:50 UTC · Monitoring\nComponents: api: degraded_performance, dashboard: operational\n\n[[What we did',
    );

    // Without a terminal, resolve says the summary still reads as ongoing (check says so too).
    const resolved = captureIo(root(), '2026-11-23T13:30:00Z');
    expect(await runResolve([ID], resolved)).toBe(0);
    expect(resolved.out.join('\n')).toContain('it is now Resolved');
    expect(resolved.out.join('\n')).toContain(
      'This incident is resolved, but its summary still says "We are investigating". [summary-ongoing]',
    );
    text = await readRepoFile(root(), FILE);
    expect(text).not.toContain('next_update');
    expect(text).toContain('## 2026-11-23 13:30 UTC · Resolved\nThis incident has been resolved');

    expect(await runPostmortem([ID], captureIo(root(), '2026-11-23T14:00:00Z'))).toBe(0);
    text = await readRepoFile(root(), FILE);
    expect(
      text
        .trimEnd()
        .split('\n')
        .filter((l) => l.startsWith('## ')),
    ).toEqual([
      '## 2026-11-23 12:00 UTC · Investigating',
      '## 2026-11-23 12:20 UTC · Identified',
      '## 2026-11-23 12:50 UTC · Monitoring',
      '## 2026-11-23 13:30 UTC · Resolved',
      '## Postmortem',
    ]);
    expect(text).toContain(
      'REST API and Dashboard were affected from 2026-11-23 12:00 UTC to 13:30 UTC (1 hr, 30 mins)',
    );
    expect(text).toContain('- 12:20 UTC · Identified: A bad deploy; we are rolling it back.');
    expect(text).toContain('### Root cause');

    const now = new Date('2026-11-23T14:00:00Z');
    ({ diagnostics } = await loadRepo(root(), now.toISOString()));
    // A public postmortem with a prompt left is an error: it cannot be published unfinished.
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(
      Array(6).fill('placeholder-left'),
    );
    await writeRepoFile(
      root(),
      FILE,
      text
        .replace(/\[\[[^\]]*\]\]/g, 'The facts.')
        .replace(/^Since [\s\S]*?\n\n## /m, 'Some API requests failed for 90 minutes.\n\n## '),
    );
    ({ model, diagnostics } = await loadRepo(root(), now.toISOString()));
    expect(diagnostics).toEqual([]);
    const incident = model!.incidents.find((i) => i.id === ID)!;
    expect(lifecycleAt(incident, now)).toBe('resolved');
    expect(incident.postmortem?.body).toContain('### What we change');
    expect([...componentStatuses(model!, now).values()].every((s) => s === 'operational')).toBe(
      true,
    );
  });

  it('refuses a postmortem while the incident is open, and a second one', async () => {
    await runNew(
      [
        'incident',
        'Elevated API error rates',
        '--impact',
        'minor',
        '--components',
        'api:degraded_performance',
      ],
      captureIo(root()),
    );
    const open = captureIo(root());
    expect(await runPostmortem([ID], open)).toBe(1);
    expect(open.err.join('\n')).toContain(`npx candor resolve ${ID}`);
    await runResolve([ID, 'Fixed.'], captureIo(root(), '2026-11-23T12:10:00Z'));
    expect(await runPostmortem([ID], captureIo(root(), '2026-11-23T12:20:00Z'))).toBe(0);
    const again = captureIo(root(), '2026-11-23T12:30:00Z');
    expect(await runPostmortem([ID], again)).toBe(1);
    expect(again.err.join('\n')).toMatch(/:\d+ already has a postmortem/);
  });
});

describe('update', () => {
  const OPEN_WITH_POSTMORTEM = `---
# a comment the team wrote
title: Slow dashboard
impact: minor   # minor: there is a workaround
components:
  dashboard: degraded_performance
next_update: 2026-11-23 11:30 UTC
---
The dashboard is slow.

## 2026-11-23 11:00 UTC · Investigating
Looking into it.

## Postmortem
Early notes.
`;

  it('inserts before an existing postmortem and edits next_update keeping comments', async () => {
    await writeRepoFile(root(), 'incidents/slow.md', OPEN_WITH_POSTMORTEM);
    expect(
      await runUpdate(
        ['slow', 'identified', 'Found a slow query.', '--next', '2026-11-23 13:00 UTC'],
        captureIo(root()),
      ),
    ).toBe(0);
    const text = await readRepoFile(root(), 'incidents/slow.md');
    expect(text).toBe(
      OPEN_WITH_POSTMORTEM.replace(
        'next_update: 2026-11-23 11:30 UTC',
        'next_update: 2026-11-23 13:00 UTC',
      ).replace(
        '## Postmortem',
        '## 2026-11-23 12:00 UTC · Identified\nFound a slow query.\n\n## Postmortem',
      ),
    );
    expect((await loadRepo(root())).diagnostics).toEqual([]);
  });

  it('removes a promise that has passed when no new one is given', async () => {
    await writeRepoFile(root(), 'incidents/slow.md', OPEN_WITH_POSTMORTEM);
    expect(await runUpdate(['slow', 'update', 'Still looking.'], captureIo(root()))).toBe(0);
    const text = await readRepoFile(root(), 'incidents/slow.md');
    expect(text).not.toContain('next_update');
    expect(text).toContain('impact: minor   # minor: there is a workaround');
  });

  it('keeps the Windows line ends and byte-order mark of a file it adds to', async () => {
    const windows = `\uFEFF${OPEN_WITH_POSTMORTEM.replace(/\n/g, '\r\n')}`;
    await writeRepoFile(root(), 'incidents/slow.md', windows);
    expect(
      await runUpdate(
        ['slow', 'monitoring', 'Fixed the query.', '--next', '+1h'],
        captureIo(root()),
      ),
    ).toBe(0);
    const text = await readRepoFile(root(), 'incidents/slow.md');
    expect(text).toBe(
      windows
        .replace('next_update: 2026-11-23 11:30 UTC', 'next_update: 2026-11-23 13:00 UTC')
        .replace(
          '## Postmortem',
          '## 2026-11-23 12:00 UTC · Monitoring\r\nFixed the query.\r\n\r\n## Postmortem',
        ),
    );
    expect((await loadRepo(root())).diagnostics).toEqual([]);
  });

  it('writes nothing when the result would not validate, and says why with the line', async () => {
    await writeRepoFile(root(), 'incidents/slow.md', OPEN_WITH_POSTMORTEM);
    const io = captureIo(root());
    expect(
      await runUpdate(['slow', 'identified', 'Too early.', '--at', '2026-11-23 10:00 UTC'], io),
    ).toBe(1);
    expect(io.err.join('\n')).toMatch(
      /^incidents\/slow\.md:14:1 error .*earlier than the one above it.*\[update-order\]/,
    );
    expect(io.err.join('\n')).toContain('candor update: nothing was written');
    expect(await readRepoFile(root(), 'incidents/slow.md')).toBe(OPEN_WITH_POSTMORTEM);
  });

  it('names the errors of an incident file it cannot read, instead of calling it missing', async () => {
    await writeRepoFile(
      root(),
      'incidents/slow.md',
      OPEN_WITH_POSTMORTEM.replace('impact: minor', 'impact: minro'),
    );
    const io = captureIo(root());
    expect(await runUpdate(['slow', 'identified', 'Found it.'], io)).toBe(1);
    expect(io.err.join('\n')).toMatch(/^incidents\/slow\.md:4:9 error .*minro/);
    expect(io.err.join('\n')).toContain(
      'incidents/slow.md has errors, so Candor cannot add to it: fix them first',
    );
  });

  it('answers a wrong argument with one line naming what to type instead, exit 2', async () => {
    await writeRepoFile(root(), 'incidents/slow.md', OPEN_WITH_POSTMORTEM);
    const cases: [string[], RegExp][] = [
      [['slow', 'identifed', 'x'], /"identifed" is not a status\. Did you mean `identified`\?/],
      [
        ['slow', 'completed', 'x'],
        /"Completed" is not a status for an incident; use one of: investigating, identified, monitoring, resolved, update\./,
      ],
      [['slwo', 'identified'], /there is no incident "slwo"\. Did you mean `slow`\?/],
      [
        ['slow', 'monitoring', '--components', 'dashbaord:operational'],
        /there is no component "dashbaord" in components\.yaml\. Did you mean `dashboard`\?/,
      ],
      [
        ['slow', 'monitoring', '--components', 'dashboard:fine'],
        /"fine" is not a component status/,
      ],
      [['slow', 'monitoring', '--next', '15:00'], /--next "15:00": "15:00" is not a timestamp/],
      [['slow'], /give the incident id and the new status/],
    ];
    for (const [argv, message] of cases) {
      const io = captureIo(root());
      expect(await runUpdate(argv, io)).toBe(2);
      expect(io.err[0]).toMatch(new RegExp(`^candor update: ${message.source}`));
      expect(io.err).toHaveLength(1);
      expect(io.err[0]!.split('\n')).toHaveLength(1);
    }
    expect(await readRepoFile(root(), 'incidents/slow.md')).toBe(OPEN_WITH_POSTMORTEM);
  });
});

describe('maintenance', () => {
  it('is created with its window and ends with Completed', async () => {
    const io = captureIo(root());
    expect(
      await runNew(
        [
          'maintenance',
          'Replace storage nodes',
          '--from',
          '2026-12-10 01:00 UTC',
          '--until',
          '2026-12-10 03:00 UTC',
          '--components',
          'storage',
        ],
        io,
      ),
    ).toBe(0);
    const file = 'incidents/2026/2026-12-10-replace-storage-nodes.md';
    let text = await readRepoFile(root(), file);
    expect(text).toContain(
      'kind: maintenance\nscheduled_for: 2026-12-10 01:00 UTC\nscheduled_until: 2026-12-10 03:00 UTC\ncomponents:\n  storage: under_maintenance\n',
    );
    expect(text).toContain(
      '## 2026-11-23 12:00 UTC · Scheduled\nWe will perform maintenance on Object storage from 2026-12-10 01:00 UTC to 2026-12-10 03:00 UTC.\n\n[[What users will notice',
    );
    expect((await loadRepo(root())).diagnostics.map((d) => d.code)).toEqual([
      'placeholder-left',
      'placeholder-left',
    ]);

    const at = '2026-12-10T02:40:00Z';
    expect(await runResolve(['2026-12-10-replace-storage-nodes'], captureIo(root(), at))).toBe(0);
    text = await readRepoFile(root(), file);
    expect(text).toContain(
      '## 2026-12-10 02:40 UTC · Completed\nThe maintenance on Object storage is complete.',
    );
    const { model, diagnostics } = await loadRepo(root(), at);
    expect(diagnostics.filter((d) => d.code !== 'placeholder-left')).toEqual([]);
    expect(lifecycleAt(model!.incidents[0]!, new Date(at))).toBe('completed');
  });
});

describe('new', () => {
  it('numbers a second incident with the same title on the same day', async () => {
    const args = [
      'incident',
      'Elevated API error rates',
      '--impact',
      'major',
      '--components',
      'api:partial_outage',
    ];
    expect(await runNew(args, captureIo(root()))).toBe(0);
    expect(await runNew(args, captureIo(root(), '2026-11-23T12:05:00Z'))).toBe(0);
    const { model, diagnostics } = await loadRepo(root(), '2026-11-23T12:05:00Z');
    expect(diagnostics.filter((d) => d.code !== 'placeholder-left')).toEqual([]);
    expect(model!.incidents.map((i) => i.id).sort()).toEqual([ID, `${ID}-2`]);
  });

  it('drafts from the templates the team edited, and names a broken placeholder by file and line', async () => {
    await writeRepoFile(
      root(),
      'templates/investigating.md',
      'Hello from our own voice: {{components}} {{is_are}} slow.\nWorkaround: {{workaround}}\n',
    );
    expect(
      await runNew(
        ['incident', 'Slow', '--impact', 'minor', '--components', 'cdn:degraded_performance'],
        captureIo(root()),
      ),
    ).toBe(0);
    const text = await readRepoFile(root(), 'incidents/2026/2026-11-23-slow.md');
    expect(text).toContain('· Investigating\nHello from our own voice: CDN is slow.\n');
    expect(text).not.toContain('Workaround:');

    await writeRepoFile(
      root(),
      'templates/investigating.md',
      'First line.\nNext update at {{next_updte}}.\n',
    );
    const io = captureIo(root());
    expect(
      await runNew(
        ['incident', 'Other', '--impact', 'minor', '--components', 'cdn:degraded_performance'],
        io,
      ),
    ).toBe(1);
    expect(io.err.join('\n')).toMatch(
      /^candor new: templates\/investigating\.md:2 uses \{\{next_updte\}\}, which Candor does not fill\./,
    );
  });

  it('takes the summary, first message and workaround from the command line', async () => {
    const args = [
      'incident',
      'Sign-in fails',
      '--impact',
      'critical',
      '--components',
      'auth:major_outage',
      '--summary',
      'Nobody can sign in.',
      '--message',
      'Looking into it.',
      '--workaround',
      'Use an API token.',
      '--next',
      'none',
    ];
    expect(await runNew(args, captureIo(root()))).toBe(0);
    const text = await readRepoFile(root(), 'incidents/2026/2026-11-23-sign-in-fails.md');
    expect(text).toContain(
      'workaround: Use an API token.\n---\nNobody can sign in.\n\n## 2026-11-23 12:00 UTC · Investigating\nLooking into it.\n',
    );
    expect(text).not.toContain('next_update');
    expect((await loadRepo(root())).diagnostics).toEqual([]);
  });

  it('shows what each impact level means for the team when --impact is missing or wrong', async () => {
    for (const argv of [
      ['incident', 'x', '--components', 'api:partial_outage'],
      ['incident', 'x', '--impact', 'severe', '--components', 'api:partial_outage'],
    ]) {
      const io = captureIo(root());
      expect(await runNew(argv, io)).toBe(2);
      expect(io.err).toHaveLength(1);
      expect(io.err[0]).toContain(
        'none, minor (Some users see slower responses or occasional errors; there is a workaround.), major (A feature is unavailable or failing for many users.), critical (The platform or a core feature is down for most users, or data is at risk.)',
      );
    }
  });

  it('answers an unknown option with one line showing how to call the command', async () => {
    const io = captureIo(root());
    expect(await runNew(['incident', 'x', '--impcat', 'major'], io)).toBe(2);
    expect(io.err).toEqual([
      expect.stringMatching(
        /^candor new: Unknown option '--impcat'\. Usage: npx candor new incident "<title>" --impact <level>/,
      ),
    ]);
    expect(io.err[0]).not.toContain('\n');
  });

  it('refuses incomplete arguments with exit 2 and writes nothing', async () => {
    const backwards = [
      'maintenance',
      'x',
      '--components',
      'api',
      '--from',
      '2026-12-01 04:00 UTC',
      '--until',
      '2026-12-01 02:00 UTC',
    ];
    for (const argv of [
      ['incident', 'x'],
      ['incident', 'x', '--impact', 'major'],
      ['maintenance', 'x', '--components', 'api'],
      ['outage', 'x'],
      ['incident', 'x', '--impact', 'major', '--components', 'api'],
      backwards,
    ]) {
      const io = captureIo(root());
      expect(await runNew(argv, io)).toBe(2);
      expect(io.err[0]).toMatch(/^candor new: /);
    }
    expect((await loadRepo(root())).model!.incidents).toEqual([]);
  });
});

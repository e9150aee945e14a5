import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.ts';
import { runNew } from '../../src/cli/new.ts';
import { runPostmortem } from '../../src/cli/postmortem.ts';
import { runResolve } from '../../src/cli/resolve.ts';
import { runUpdate } from '../../src/cli/update.ts';
import { PLACEHOLDER } from '../../src/core/draft-text.ts';
import { captureIo, loadRepo, readRepoFile, useTempRepo, writeRepoFile } from './temp-repo.ts';
import { EXAMPLE_PAGE } from '../candor-bin.ts';

const root = useTempRepo();

const OPEN = `---
# the team's comment stays
title: Slow dashboard
impact: minor   # minor: there is a workaround
components:
  dashboard: degraded_performance
next_update: 2026-11-23 12:30 UTC
eta:   2026-11-23 14:00 UTC   # aligned by hand
---
We are investigating slow dashboard pages.

## 2026-11-23 11:00 UTC · Investigating
Looking into it.
`;

describe('times to the second', () => {
  it('accepts two updates 40 seconds apart, orders them, and says the seconds back', async () => {
    await writeRepoFile(root(), 'incidents/slow.md', OPEN);
    const first = captureIo(root(), '2026-11-23T12:00:10Z');
    expect(
      await runUpdate(['slow', 'identified', 'A slow query.'], first),
      first.err.join('\n'),
    ).toBe(0);
    const second = captureIo(root(), '2026-11-23T12:00:50Z');
    expect(
      await runUpdate(['slow', 'monitoring', 'Query fixed.'], second),
      second.err.join('\n'),
    ).toBe(0);
    expect(second.out.join('\n')).toContain(
      'Added "Monitoring" at 2026-11-23 12:00:50 UTC to incidents/slow.md',
    );
    const third = captureIo(root(), '2026-11-23T12:01:00Z');
    expect(
      await runUpdate(['slow', 'update', 'Still fine.', '--at', '2026-11-23 12:00:55 UTC'], third),
      third.err.join('\n'),
    ).toBe(0);
    expect(third.out.join('\n')).toContain('at 2026-11-23 12:00:55 UTC');
    const text = await readRepoFile(root(), 'incidents/slow.md');
    expect(text.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      '## 2026-11-23 11:00 UTC · Investigating',
      '## 2026-11-23 12:00 UTC · Identified',
      '## 2026-11-23 12:00:50 UTC · Monitoring',
      '## 2026-11-23 12:00:55 UTC · Update',
    ]);
    const { model, diagnostics } = await loadRepo(root(), '2026-11-23T12:01:00Z');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model!.incidents[0]!.updates.map((u) => u.at.toISOString())).toEqual([
      '2026-11-23T11:00:00.000Z',
      '2026-11-23T12:00:00.000Z',
      '2026-11-23T12:00:50.000Z',
      '2026-11-23T12:00:55.000Z',
    ]);
  });

  it('refuses an update at the time of the last one, suggesting --at with seconds', async () => {
    await writeRepoFile(root(), 'incidents/slow.md', OPEN);
    const io = captureIo(root());
    expect(await runUpdate(['slow', 'identified', 'x', '--at', '2026-11-23 11:00 UTC'], io)).toBe(
      1,
    );
    expect(io.err.join('\n')).toContain('Two updates have the same time (2026-11-23 11:00 UTC).');
    expect(io.err.join('\n')).toContain('--at "2026-11-23 11:00:30 UTC"');
    expect(await readRepoFile(root(), 'incidents/slow.md')).toBe(OPEN);
  });
});

describe('update --eta, --next, --workaround, --summary', () => {
  it('changes the frontmatter and the summary in place, keeping the comments and the layout', async () => {
    await writeRepoFile(root(), 'incidents/slow.md', OPEN);
    const args = [
      'slow',
      'identified',
      'A slow query.',
      '--eta',
      '2026-11-23 15:30 UTC',
      '--next',
      '+1h',
      '--workaround',
      'Use the CSV export.',
      '--summary',
      'Dashboard pages take up to 30 s to load.',
    ];
    const io = captureIo(root());
    expect(await runUpdate(args, io), io.err.join('\n')).toBe(0);
    expect(io.out.join('\n')).toContain('and changed next_update, eta, workaround, the summary');
    expect(await readRepoFile(root(), 'incidents/slow.md')).toBe(`---
# the team's comment stays
title: Slow dashboard
impact: minor   # minor: there is a workaround
components:
  dashboard: degraded_performance
next_update: 2026-11-23 13:00 UTC
eta:   2026-11-23 15:30 UTC   # aligned by hand
workaround: Use the CSV export.
---
Dashboard pages take up to 30 s to load.

## 2026-11-23 11:00 UTC · Investigating
Looking into it.

## 2026-11-23 12:00 UTC · Identified
A slow query.
`);
    const { model, diagnostics } = await loadRepo(root());
    expect(diagnostics).toEqual([]);
    expect(model!.incidents[0]).toMatchObject({
      eta: new Date('2026-11-23T15:30:00Z'),
      workaround: 'Use the CSV export.',
      summary: 'Dashboard pages take up to 30 s to load.',
    });
  });

  it('edits without posting an update when no status is given, and removes with none', async () => {
    await writeRepoFile(root(), 'incidents/slow.md', OPEN);
    const io = captureIo(root());
    expect(
      await runUpdate(['slow', '--eta', 'none', '--summary', 'Dashboard pages are slow.'], io),
      io.err.join('\n'),
    ).toBe(0);
    expect(io.out.join('\n')).toContain('Changed eta, the summary in incidents/slow.md.');
    const text = await readRepoFile(root(), 'incidents/slow.md');
    expect(text).toBe(
      OPEN.replace('eta:   2026-11-23 14:00 UTC   # aligned by hand\n', '').replace(
        'We are investigating slow dashboard pages.',
        'Dashboard pages are slow.',
      ),
    );
  });

  it('takes delays in days, and names the accepted forms when a time is not one', async () => {
    await writeRepoFile(root(), 'incidents/slow.md', OPEN);
    expect(await runUpdate(['slow', 'update', 'x', '--next', '+1d'], captureIo(root()))).toBe(0);
    expect(await readRepoFile(root(), 'incidents/slow.md')).toContain(
      'next_update: 2026-11-24 12:00 UTC',
    );
    const io = captureIo(root(), '2026-11-23T12:10:00Z');
    expect(await runUpdate(['slow', 'update', 'y', '--next', 'tomorrow'], io)).toBe(2);
    expect(io.err[0]).toContain(
      '--next "tomorrow": "tomorrow" is not a timestamp. Write "2026-11-22 14:45 UTC", "2026-11-22 14:45:30 UTC" or "2026-11-22 15:45 +01:00", or a delay from now: +30m, +2h, +1d.',
    );
  });

  it("lists only the statuses of the incident's kind when a status is unknown", async () => {
    await writeRepoFile(root(), 'incidents/slow.md', OPEN);
    const io = captureIo(root());
    expect(await runUpdate(['slow', 'fixed'], io)).toBe(2);
    expect(io.err[0]).toBe(
      'candor update: "fixed" is not a status. Use one of: `investigating`, `identified`, `monitoring`, `resolved`, `update`.',
    );
  });
});

describe('resolve', () => {
  it('says an incident is already resolved instead of refusing an update after Resolved', async () => {
    await writeRepoFile(root(), 'incidents/slow.md', OPEN);
    expect(
      await runResolve(
        ['slow', 'Fixed.', '--summary', 'Dashboard pages were slow for an hour.'],
        captureIo(root()),
      ),
    ).toBe(0);
    const text = await readRepoFile(root(), 'incidents/slow.md');
    expect(text).not.toMatch(/^(eta|next_update):/m);
    expect(text).toContain(
      '---\nDashboard pages were slow for an hour.\n\n## 2026-11-23 11:00 UTC',
    );
    expect((await loadRepo(root())).diagnostics).toEqual([]);
    const again = captureIo(root(), '2026-11-23T12:30:00Z');
    expect(await runResolve(['slow'], again)).toBe(1);
    expect(again.err.join('\n')).toContain(
      'slow is already resolved (2026-11-23 12:00 UTC), so no update can follow.',
    );
  });
});

describe('placeholders of the templates', () => {
  it('are each reported by check in a repository drafted from every template, and refused in a public postmortem', async () => {
    const at = (time: string) => captureIo(root(), time);
    expect(
      await runNew(
        ['incident', 'API errors', '--impact', 'major', '--components', 'api:partial_outage'],
        at('2026-11-23T12:00:00Z'),
      ),
    ).toBe(0);
    const incident = '2026-11-23-api-errors';
    for (const [status, time] of [
      ['identified', '12:10'],
      ['monitoring', '12:20'],
      ['update', '12:30'],
      ['resolved', '12:40'],
    ] as const) {
      expect(await runUpdate([incident, status], at(`2026-11-23T${time}:00Z`))).toBe(0);
    }
    expect(await runPostmortem([incident], at('2026-11-23T13:00:00Z'))).toBe(0);
    expect(
      await runNew(
        [
          'maintenance',
          'Storage upgrade',
          '--from',
          '2026-11-24 02:00 UTC',
          '--until',
          '2026-11-24 04:00 UTC',
          '--components',
          'storage',
        ],
        at('2026-11-23T13:00:00Z'),
      ),
    ).toBe(0);
    const maintenance = '2026-11-24-storage-upgrade';
    for (const [status, time] of [
      ['in-progress', '02:00'],
      ['verifying', '03:00'],
      ['completed', '03:30'],
    ] as const) {
      expect(await runUpdate([maintenance, status], at(`2026-11-24T${time}:00Z`))).toBe(0);
    }
    // Every template took part; each of its [[placeholders]] is one diagnostic.
    const templates = (await readdir(join(EXAMPLE_PAGE, 'templates'))).filter(
      (f) => f.endsWith('.md') && f !== 'README.md',
    );
    expect(templates).toHaveLength(12);
    const prompts = new Set<string>();
    for (const name of templates) {
      for (const match of (await readFile(join(EXAMPLE_PAGE, 'templates', name), 'utf8'))
        .replace(/<!--[\s\S]*?-->/g, '')
        .matchAll(PLACEHOLDER))
        prompts.add(match[0]);
    }
    expect(prompts.size).toBeGreaterThanOrEqual(12);
    const check = captureIo(root(), '2026-11-24T04:00:00Z');
    expect(await runCheck([], check)).toBe(1);
    const found = check.out
      .join('\n')
      .split('\n')
      .filter((l) => l.includes('[placeholder-left]'));
    const reported = new Set(found.map((l) => /"(\[\[[^\]]*\]\])"/.exec(l)![1]!));
    // Each placeholder of each template is reported, and only those (the postmortem's timeline quotes the updates' ones).
    expect(reported).toEqual(prompts);
    const postmortemStart =
      (await readRepoFile(root(), `incidents/2026/${incident}.md`))
        .split('\n')
        .indexOf('## Postmortem') + 1;
    for (const line of found) {
      const [, lineNumber, severity] = /^incidents\/2026\/[^:]+:(\d+):\d+ (error|warning)/.exec(
        line,
      )!;
      expect(severity).toBe(
        line.includes(incident) && Number(lineNumber) > postmortemStart ? 'error' : 'warning',
      );
    }
    expect(found.filter((l) => l.includes(' error '))).toHaveLength(8);
  });
});

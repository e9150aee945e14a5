import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.ts';
import { runImport } from '../../src/cli/import.ts';
import { isOpen, lifecycleAt, pageStatus } from '../../src/core/status.ts';
import {
  captureIo,
  loadRepo,
  NOW,
  readRepoFile,
  useTempRepo,
  REPO_ROOT,
  writeRepoFile,
} from './temp-repo.ts';

const CSTATE = join(REPO_ROOT, 'tests', 'fixtures', 'cstate');
/** cState's own example site (MIT), as cState ships it. */
const EXAMPLE = join(REPO_ROOT, 'tests', 'fixtures', 'cstate-example');

const root = useTempRepo();

/** Imports the cState site in `site` (its content/issues and config.yml) at `now`, which must succeed: what it printed. */
async function importSite(site: string, now = NOW): Promise<string> {
  const io = captureIo(root(), now);
  expect(
    await runImport(['cstate', join(site, 'content', 'issues'), join(site, 'config.yml')], io),
    io.err.join('\n'),
  ).toBe(0);
  return io.out.join('\n');
}

describe('npm run import -- cstate', () => {
  it('imports issues with their severity, affected systems and track times, and the systems of config.yml', async () => {
    const out = await importSite(CSTATE);
    expect(out).toContain('Imported 3 of 3 cState issues into incidents/.');
    expect(out).toContain(
      'Added to components.yaml: website (Website), status-emails (Status Emails).',
    );
    expect(out).toContain('Added groups: frontend (Frontend).');
    expect(out).toContain(
      'website-down.md:14: the status "Escalated" of the update of 2019-02-01T09:40:00.000Z is not an incident status; it is written as Update and the word is kept in the text.',
    );
    expect(out).toContain(
      'website-down.md:5: is marked resolved at 2019-02-01T10:30:00.000Z without a Resolved update; one was added at that time.',
    );
    expect(out).toContain('cState times without a zone were read in UTC');

    // API and Database exist already (matched by id), so neither they nor their Backend group are added.
    const config = await readRepoFile(root(), 'components.yaml');
    expect(config).toContain(
      '  - id: delivery\n    name: Delivery\n  - id: frontend\n    name: Frontend\n',
    );
    expect(config).toContain(
      '  - { id: website, name: Website, group: frontend, description: The public website }\n  - { id: status-emails, name: Status Emails }\n',
    );

    expect(await readRepoFile(root(), 'incidents/2018/2018-06-13-database-issues.md')).toBe(`---
# yaml-language-server: $schema=../../schemas/incident.schema.json
title: Database issues
impact: minor
started: 2018-06-13 14:41 UTC
components:
  api: partial_outage
  database: partial_outage
---
## 2018-06-13 14:44 UTC · Investigating
Some API requests time out because the database is slow.

## 2018-06-13 15:08 UTC · Monitoring
We moved reads to a healthy replica and are **watching latency**.

## 2018-06-13 15:50 UTC · Resolved
The replica caught up and queries are fast again.
`);
    const website = await readRepoFile(root(), 'incidents/2019/2019-02-01-website-unreachable.md');
    expect(website).toContain(
      'impact: major\nstarted: 2019-02-01 09:00 UTC\ncomponents:\n  website: major_outage\n  status-emails: major_outage\n',
    );
    expect(website).toContain(
      '## 2019-02-01 09:40 UTC · Update\n*Escalated* - Our hosting provider is looking into it.\n\n## 2019-02-01 10:30 UTC · Resolved\nResolved.\n',
    );

    const now = new Date('2026-11-23T12:00:00Z');
    const { model, diagnostics } = await loadRepo(root());
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const byTitle = (title: string) => model!.incidents.find((i) => i.title === title)!;
    expect(lifecycleAt(byTitle('Database issues'), now)).toBe('resolved');
    expect(lifecycleAt(byTitle('Website unreachable'), now)).toBe('resolved');
    // An informational post is a notice that is already over, whatever its `resolved:` says.
    const notice = byTitle('API deprecation of v1 endpoints');
    expect(notice.impact).toBe('none');
    expect(notice.components).toEqual({ api: 'operational' });
    expect(lifecycleAt(notice, now)).toBe('resolved');
    expect(model!.components.find((c) => c.id === 'website')).toMatchObject({
      name: 'Website',
      group: 'frontend',
    });
  });

  it('keeps updates that share a time, one second apart in the order the file tells them, and says so on their lines', async () => {
    const track = (text: string, at: string) => `${text} {{< track "${at}" >}}`;
    const issue = (title: string, body: string) =>
      `---\ntitle: ${title}\ndate: 2020-05-01 10:00:00\nseverity: down\naffected: [API]\nsection: issue\n---\n${body}\n`;
    // Newest on top, as cState writes them: the distinct times say which way the file reads.
    await writeRepoFile(
      root(),
      'old/issues/newest-first.md',
      issue(
        'Newest first',
        [
          track('*Resolved* - Fixed.', '2020-05-01 10:30:00'),
          track('*Identified* - Found.', '2020-05-01 10:05:00'),
          track('*Investigating* - Looking.', '2020-05-01 10:05:00'),
          track('*Investigating* - Alerted.', '2020-05-01 10:00:00'),
        ].join('\n\n'),
      ),
    );
    // Every update at one time: the file's reading order is kept.
    await writeRepoFile(
      root(),
      'old/issues/all-at-once.md',
      issue(
        'All at once',
        [
          track('*Investigating* - Looking.', '2020-05-02 10:05:00'),
          track('*Identified* - Found.', '2020-05-02 10:05:00'),
          track('*Resolved* - Fixed.', '2020-05-02 10:05:00'),
        ].join('\n\n---\n\n'),
      ),
    );
    const io = captureIo(root());
    expect(await runImport(['cstate', 'old/issues'], io), io.err.join('\n')).toBe(0);
    const out = io.out.join('\n');
    expect(out).toContain('Imported 2 of 2 cState issues into incidents/.');
    expect(out).toContain(
      'newest-first.md:10: shares the time 2020-05-01T10:05:00.000Z with the update before it; it is written at 2020-05-01T10:05:01.000Z so both are kept',
    );
    expect(out).toContain(
      'all-at-once.md:12: shares the time 2020-05-02T10:05:00.000Z with the update before it; it is written at 2020-05-02T10:05:01.000Z',
    );
    expect(out).toContain(
      'all-at-once.md:16: shares the time 2020-05-02T10:05:00.000Z with the update before it; it is written at 2020-05-02T10:05:02.000Z',
    );
    expect(await readRepoFile(root(), 'incidents/2020/2020-05-01-newest-first.md')).toContain(
      [
        '## 2020-05-01 10:00 UTC · Investigating\nAlerted.',
        '## 2020-05-01 10:05 UTC · Investigating\nLooking.',
        '## 2020-05-01 10:05:01 UTC · Identified\nFound.',
        '## 2020-05-01 10:30 UTC · Resolved\nFixed.',
      ].join('\n\n'),
    );
    expect(await readRepoFile(root(), 'incidents/2020/2020-05-01-all-at-once.md')).toContain(
      [
        '## 2020-05-02 10:05 UTC · Investigating\nLooking.',
        '## 2020-05-02 10:05:01 UTC · Identified\nFound.',
        '## 2020-05-02 10:05:02 UTC · Resolved\nFixed.',
      ].join('\n\n'),
    );
    const { diagnostics } = await loadRepo(root());
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reads status words in text without track times, newest on top, and a resolved issue whose last update is at `resolvedWhen` as resolved', async () => {
    await writeRepoFile(
      root(),
      'old/issues/untimed.md',
      `---
title: Issues Sending DMs
date: 2017-12-17 16:24:00
resolved: true
resolvedWhen: 2017-12-17 16:58:00
severity: disrupted
affected:
  - API
section: issue
---

*Update* - This incident has been resolved.

*Investigating* - We're aware of an issue affecting sending DMs.
`,
    );
    await writeRepoFile(
      root(),
      'old/issues/last-is-resolution.md',
      `---
title: Last is resolution
date: 2018-04-13 15:54:00
resolved: true
resolvedWhen: 2018-04-13 17:30:00
severity: down
affected: [API]
section: issue
---
*Update* - A fix is in place. {{< track "2018-04-13 17:30:00" >}}

*Investigating* - Looking. {{< track "2018-04-13 15:54:00" >}}
`,
    );
    const io = captureIo(root());
    expect(await runImport(['cstate', 'old/issues'], io), io.err.join('\n')).toBe(0);
    const out = io.out.join('\n');
    expect(out).toContain(
      "untimed.md:14: has no `{{< track >}}` time; it is written at 2017-12-17T16:24:00.000Z (the issue's date).",
    );
    expect(out).toContain(
      "untimed.md:12: has no `{{< track >}}` time; it is written at 2017-12-17T16:24:01.000Z (the issue's date plus 1 s, to keep the order).",
    );
    expect(out).toContain(
      'last-is-resolution.md:10: is marked resolved and its last update (2018-04-13T17:30:00.000Z) is not before `resolvedWhen`; that update is written as Resolved.',
    );
    expect(await readRepoFile(root(), 'incidents/2017/2017-12-17-issues-sending-dms.md')).toContain(
      "## 2017-12-17 16:24 UTC · Investigating\nWe're aware of an issue affecting sending DMs.\n\n## 2017-12-17 16:24:01 UTC · Update\nThis incident has been resolved.\n\n## 2017-12-17 16:58 UTC · Resolved\nResolved.\n",
    );
    expect(await readRepoFile(root(), 'incidents/2018/2018-04-13-last-is-resolution.md')).toContain(
      '## 2018-04-13 17:30 UTC · Resolved\nA fix is in place.\n',
    );
    const { model, diagnostics } = await loadRepo(root());
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const incident of model!.incidents)
      expect(lifecycleAt(incident, new Date(NOW)), incident.title).toBe('resolved');
  });

  it("reads zone-less times in the site's `timeZone` from config.yml, and refuses a zone that does not exist", async () => {
    await writeRepoFile(
      root(),
      'old/config.yml',
      'timeZone: Europe/Berlin\nparams:\n  systems: [API]\n',
    );
    await writeRepoFile(
      root(),
      'old/issues/summer.md',
      '---\ntitle: Summer\ndate: 2020-07-01 12:00:00\nresolved: true\nresolvedWhen: 2020-07-01 13:00:00\nseverity: down\naffected: [API]\nsection: issue\n---\n*Investigating* - Looking. {{< track "2020-07-01 12:05:00" >}}\n',
    );
    const io = captureIo(root());
    expect(await runImport(['cstate', 'old/issues', 'old/config.yml'], io), io.err.join('\n')).toBe(
      0,
    );
    expect(io.out.join('\n')).toContain(
      "cState times without a zone were read in Europe/Berlin (the site's `timeZone`).",
    );
    const text = await readRepoFile(root(), 'incidents/2020/2020-07-01-summer.md');
    expect(text).toContain('started: 2020-07-01 10:00 UTC');
    expect(text).toContain('## 2020-07-01 10:05 UTC · Investigating');
    expect(text).toContain('## 2020-07-01 11:00 UTC · Resolved');

    await writeRepoFile(root(), 'old/config.yml', 'timeZone: Mars/Olympus\n');
    const bad = captureIo(root());
    expect(await runImport(['cstate', 'old/issues', 'old/config.yml'], bad)).toBe(1);
    expect(bad.err.join('\n')).toContain(
      'old/config.yml: `timeZone: Mars/Olympus` is not an IANA time zone',
    );
  });

  it("imports cState's own example site: 11 of 11, only the post cState shows as an outage open, every timed update kept", async () => {
    const out = await importSite(EXAMPLE, '2026-12-02T12:00:00Z');
    expect(out).toContain('Imported 11 of 11 cState issues into incidents/.');
    expect(out).not.toMatch(/not imported|left out/);

    const now = new Date('2026-12-02T12:00:00Z');
    const check = captureIo(root(), '2026-12-02T12:00:00Z');
    expect(await runCheck([], check), check.out.join('\n') + check.err.join('\n')).toBe(0);
    const { model } = await loadRepo(root(), '2026-12-02T12:00:00Z');
    const incidents = model!.incidents;
    expect(incidents).toHaveLength(11);
    const byTitle = (title: string) => incidents.find((i) => i.title === title)!;

    // cState shows an unresolved `down` issue as an outage and an unresolved `notice` as a notice.
    const open = incidents.filter((i) => isOpen(lifecycleAt(i, now)));
    expect(open.filter((i) => i.impact !== 'none').map((i) => i.title)).toEqual([
      'API DNS resolution error!',
    ]);
    expect(open.filter((i) => i.impact === 'none').map((i) => i.title)).toEqual([
      'Maintenance Window',
    ]);
    expect(pageStatus(model!, now).indicator).toBe('major');

    const informational = [
      'Testing New cState Features',
      'Formatting testing',
      'Maintenance Announcement',
      'cState v6 Planning Meeting',
    ];
    for (const title of informational) {
      expect(byTitle(title).impact, title).toBe('none');
      expect(lifecycleAt(byTitle(title), now), title).toBe('resolved');
      expect(
        Object.values(byTitle(title).components).every((s) => s === 'operational'),
        title,
      ).toBe(true);
    }

    // Every `{{< track >}}` of the source is an update of the imported incident, at its time or a second after an equal one.
    const sources = await readdir(join(EXAMPLE, 'content', 'issues'));
    let tracks = 0;
    for (const name of sources)
      tracks += [
        ...(await readFile(join(EXAMPLE, 'content', 'issues', name), 'utf8')).matchAll(
          /\{\{<\s*track/g,
        ),
      ].length;
    expect(tracks).toBe(12);
    const guilds = byTitle('Unavailable Guilds & Connection Issues');
    expect(guilds.updates.map((u) => [u.at.toISOString(), u.status])).toEqual([
      ['2018-04-13T15:54:00.000Z', 'investigating'],
      ['2018-04-13T16:50:00.000Z', 'monitoring'],
      ['2018-04-13T17:30:00.000Z', 'resolved'],
    ]);
    expect(guilds.postmortem?.body).toMatch(/^At approximately 14:01, a Redis instance/);
    expect(byTitle('Exciting Downtime').updates.map((u) => [u.at.toISOString(), u.status])).toEqual(
      [
        ['2024-02-24T10:35:00.000Z', 'investigating'],
        ['2024-02-24T10:35:01.000Z', 'investigating'],
        ['2024-02-24T10:35:02.000Z', 'resolved'],
      ],
    );
    expect(byTitle('API DNS resolution error!').updates.map((u) => u.at.toISOString())).toEqual([
      '2024-12-27T09:43:40.482Z',
      '2024-12-27T09:44:00.481Z',
    ]);
    const timed = [
      'Unavailable Guilds & Connection Issues',
      'US East Connection Issues',
      'Maintenance Window',
      'Exciting Downtime',
      'API DNS resolution error!',
    ];
    expect(timed.reduce((sum, title) => sum + byTitle(title).updates.length, 0)).toBe(tracks);

    // The systems' categories and descriptions came along.
    expect(model!.components.find((c) => c.id === 'media-proxy')).toMatchObject({
      group: 'uncategorized',
      description: expect.stringContaining('serving images'),
    });
    expect(model!.groups.map((g) => g.name)).toEqual(
      expect.arrayContaining(['North Coast', 'Uncategorized']),
    );
  });

  it('refuses a folder that does not exist, naming it', async () => {
    const io = captureIo(root());
    expect(await runImport(['cstate', 'content/issues'], io)).toBe(1);
    expect(io.err.join('\n')).toMatch(
      /^candor import: Cannot read the folder content\/issues: it does not exist\./,
    );
  });
});

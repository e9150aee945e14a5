import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src/cli/import.ts';
import { lifecycleAt } from '../../src/core/status.ts';
import { captureIo, loadRepo, makeRepo, readRepoFile, removeRepo, REPO_ROOT, writeRepoFile } from './temp-repo.ts';

const CSTATE = join(REPO_ROOT, 'tests', 'fixtures', 'cstate');

let root: string;
beforeEach(async () => {
  root = await makeRepo();
});
afterEach(() => removeRepo(root));

describe('npm run import -- cstate', () => {
  it('imports issues with their severity, affected systems and track times, and the systems of config.yml', async () => {
    const io = captureIo(root);
    expect(await runImport(['cstate', join(CSTATE, 'content', 'issues'), join(CSTATE, 'config.yml')], io), io.err.join('\n')).toBe(0);
    const out = io.out.join('\n');
    expect(out).toContain('Imported 3 of 3 cState issues into incidents/.');
    expect(out).toContain('Added to components.yaml: website (Website), status-emails (Status Emails).');
    expect(out).toContain('Added groups: frontend (Frontend).');
    expect(out).toContain('website-down.md: the status "Escalated" of the update of 2019-02-01T09:40:00.000Z is not an incident status; it is written as Update and the word is kept in the text.');
    expect(out).toContain('website-down.md: is marked resolved at 2019-02-01T10:30:00.000Z without a Resolved update; one was added at that time.');
    expect(out).toContain('api-notice.md: its first update (2019-03-01T12:00:00.000Z) names no incident status; it is written as Investigating.');
    expect(out).toContain('cState times have no zone; they were read as UTC');

    // API and Database exist already (matched by id), so neither they nor their Backend group are added.
    const config = await readRepoFile(root, 'components.yaml');
    expect(config).toContain('  - id: delivery\n    name: Delivery\n  - id: frontend\n    name: Frontend\n');
    expect(config).toContain('  - { id: website, name: Website, group: frontend }\n  - { id: status-emails, name: Status Emails }\n');

    expect(await readRepoFile(root, 'incidents/2018/2018-06-13-database-issues.md')).toBe(`---
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
    const website = await readRepoFile(root, 'incidents/2019/2019-02-01-website-unreachable.md');
    expect(website).toContain('impact: major\nstarted: 2019-02-01 09:00 UTC\ncomponents:\n  website: major_outage\n  status-emails: major_outage\n');
    expect(website).toContain('## 2019-02-01 09:40 UTC · Update\n*Escalated* - Our hosting provider is looking into it.\n\n## 2019-02-01 10:30 UTC · Resolved\nResolved.\n');

    const now = new Date('2026-11-23T12:00:00Z');
    const { model, diagnostics } = await loadRepo(root);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const byTitle = (title: string) => model!.incidents.find((i) => i.title === title)!;
    expect(lifecycleAt(byTitle('Database issues'), now)).toBe('resolved');
    expect(lifecycleAt(byTitle('Website unreachable'), now)).toBe('resolved');
    const notice = byTitle('API deprecation of v1 endpoints');
    expect(notice.impact).toBe('none');
    expect(notice.components).toEqual({ api: 'operational' });
    expect(model!.components.find((c) => c.id === 'website')).toMatchObject({ name: 'Website', group: 'frontend' });
  });

  it('leaves out an issue whose file would not be valid, saying why, and imports the others', async () => {
    const track = (text: string, at: string) => `${text} {{< track "${at}" >}}`;
    const issue = (title: string, body: string) => `---\ntitle: ${title}\ndate: 2020-05-01 10:00:00\nseverity: down\naffected: [API]\nsection: issue\n---\n${body}\n`;
    await writeRepoFile(root, 'old/issues/good.md', issue('Good', track('*Investigating* - Looking.', '2020-05-01 10:05:00')));
    await writeRepoFile(root, 'old/issues/twice.md', issue('Twice', `${track('*Identified* - Found.', '2020-05-01 10:05:00')}\n\n${track('*Investigating* - Looking.', '2020-05-01 10:05:00')}`));
    const io = captureIo(root);
    expect(await runImport(['cstate', 'old/issues'], io), io.err.join('\n')).toBe(0);
    const out = io.out.join('\n');
    expect(out).toContain('Imported 1 of 2 cState issues into incidents/.');
    expect(out).toContain('twice.md: not imported, because the file would not be valid: Two updates have the same time.');
    const { model, diagnostics } = await loadRepo(root);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model!.incidents.map((i) => i.title)).toEqual(['Good']);
  });

  it('refuses a folder that does not exist, naming it', async () => {
    const io = captureIo(root);
    expect(await runImport(['cstate', 'content/issues'], io)).toBe(1);
    expect(io.err.join('\n')).toMatch(/^candor import: Cannot read the folder content\/issues: it does not exist\./);
  });
});

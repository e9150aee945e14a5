import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/cli/import.ts';
import { componentStatuses } from '../../src/core/status.ts';
import { htmlToMarkdown } from '../../src/authoring/import/html-to-markdown.ts';
import {
  incidentsResponse,
  scheduledMaintenancesResponse,
  statuspageComponents,
} from '../../src/feeds/statuspage-api.ts';
import {
  captureIo,
  loadRepo,
  NOW,
  readRepoFile,
  useTempRepo,
  REPO_ROOT,
  writeRepoFile,
} from './temp-repo.ts';

const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'statuspage-v2');
const REFERENCE = join(REPO_ROOT, '..', 'shared', 'reference', 'statuspage-v2');
const GITHUB = 'incidents.real-githubstatus-2024.json';
/** An export assembled in the real responses' shape, with groups, a postmortem and a maintenance. */
const EXPORT = join(REPO_ROOT, 'tests', 'fixtures', 'statuspage-export');
const SUMMARY = 'summary.example.json';

/** The reference folder beside the checkout when there is one (CI), else the copies kept here. */
async function sample(name: string): Promise<string> {
  const reference = join(REFERENCE, name);
  return (await access(reference).then(
    () => true,
    () => false,
  ))
    ? reference
    : join(FIXTURES, name);
}

interface SourceUpdate {
  status: string;
  body: string;
  display_at: string;
  affected_components?: { name: string; new_status: string }[] | null;
}
interface SourceIncident {
  name: string;
  status: string;
  impact: string;
  incident_updates: SourceUpdate[];
}

const toSecond = (iso: string) =>
  new Date(Math.floor(new Date(iso).getTime() / 1000) * 1000).toISOString();

/** What a reader of either API sees of an incident: name, status, impact, and each update oldest first. */
function readable(incident: SourceIncident) {
  return {
    name: incident.name,
    status: incident.status,
    impact: incident.impact,
    updates: [...incident.incident_updates]
      .sort((a, b) => Date.parse(a.display_at) - Date.parse(b.display_at))
      .map((u) => ({
        at: toSecond(u.display_at),
        status: u.status,
        body: u.body,
        components: Object.fromEntries(
          (u.affected_components ?? []).map((c) => [c.name, c.new_status]),
        ),
      })),
  };
}

const root = useTempRepo();

describe('npm run import -- statuspage', () => {
  it('keeps the copies in tests/fixtures equal to the reference responses', async () => {
    for (const name of [GITHUB, SUMMARY]) {
      const reference = join(REFERENCE, name);
      if (
        !(await access(reference).then(
          () => true,
          () => false,
        ))
      )
        continue;
      expect(await readFile(join(FIXTURES, name), 'utf8')).toBe(await readFile(reference, 'utf8'));
    }
  });

  it("imports GitHub's real incidents into valid files and adds the missing components, keeping components.yaml as it was", async () => {
    const before = await readRepoFile(root(), 'components.yaml');
    const io = captureIo(root());
    expect(await runImport(['statuspage', await sample(GITHUB)], io)).toBe(0);
    expect(io.out.join('\n')).toContain(
      'Imported 1 of 1 Statuspage incidents and maintenances into incidents/.\nAdded to components.yaml: actions (Actions), pages (Pages).',
    );
    expect(io.out.join('\n')).toContain(
      "git add components.yaml incidents && git commit -m 'Import history from Statuspage'",
    );

    const after = await readRepoFile(root(), 'components.yaml');
    const emailLine =
      '  - { id: email, name: Email notifications, group: delivery, since: 2026-11-13 }\n';
    // Actions is listed on the incident with its description and creation day; Pages only on the updates.
    expect(after).toBe(
      before.replace(
        emailLine,
        `${emailLine}  - { id: actions, name: Actions, description: "Workflows, Compute and Orchestration for GitHub Actions", since: 2019-11-13 }\n  - { id: pages, name: Pages }\n`,
      ),
    );

    expect(
      await readRepoFile(root(), 'incidents/2024/2024-09-16-incident-with-pages-and-actions.md'),
    ).toBe(`---
# yaml-language-server: $schema=../../schemas/incident.schema.json
title: Incident with Pages and Actions
impact: major
components:
  pages: partial_outage
  actions: partial_outage
---
## 2024-09-16 21:31:02 UTC · Investigating
We are investigating reports of degraded performance for Actions and Pages

## 2024-09-16 22:08:39 UTC · Resolved
This incident has been resolved.
`);
    const { diagnostics } = await loadRepo(root());
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('round trip: the API Candor builds from the import says what the Statuspage export said', async () => {
    for (const name of [GITHUB, SUMMARY])
      expect(await runImport(['statuspage', await sample(name)], captureIo(root()))).toBe(0);
    const { model } = await loadRepo(root());
    // Each is compared as it was when exported (its last change), as Candor would have served it then.
    const servedAt = (now: Date) =>
      [
        ...incidentsResponse(model!, now).incidents,
        ...scheduledMaintenancesResponse(model!, now).scheduled_maintenances,
      ] as unknown as SourceIncident[];
    const github = JSON.parse(await readFile(await sample(GITHUB), 'utf8')) as {
      incidents: SourceIncident[];
    };
    const summary = JSON.parse(await readFile(await sample(SUMMARY), 'utf8')) as {
      incidents: SourceIncident[];
      scheduled_maintenances: SourceIncident[];
    };
    const sources = [
      ...github.incidents,
      ...summary.incidents,
      ...summary.scheduled_maintenances,
    ] as (SourceIncident & { updated_at: string })[];
    expect(model!.incidents).toHaveLength(sources.length);
    for (const source of sources) {
      const imported = servedAt(new Date(source.updated_at)).find((i) => i.name === source.name)!;
      const expected = readable(source);
      const actual = readable(imported);
      // Candor's API lists every affected component on every update; compare the ones the source named.
      actual.updates.forEach((u, i) => {
        u.components = Object.fromEntries(
          Object.keys(expected.updates[i]?.components ?? {}).map((c) => [c, u.components[c]!]),
        );
      });
      // A maintenance's impact "maintenance" has no Candor equivalent: Candor's API says none.
      if (source.impact === 'maintenance') expected.impact = 'none';
      expect(actual).toEqual(expected);
    }
  });

  it('round trip of an export with component groups, a postmortem, a maintenance and an incident webhook: nothing Candor models is lost', async () => {
    // A page that starts empty, as a team moving from Statuspage starts.
    await writeRepoFile(
      root(),
      'components.yaml',
      'page: { name: Acme Cloud, url: https://status.acme.example, timezone: UTC }\ncomponents:\n  - { id: website, name: Website, since: 2020-01-01 }\n',
    );
    const io = captureIo(root());
    expect(
      await runImport(
        ['statuspage', join(EXPORT, 'summary.json'), join(EXPORT, 'webhook.incident.json')],
        io,
      ),
      io.err.join('\n'),
    ).toBe(0);
    expect(io.out.join('\n')).toContain(
      'Imported 3 of 3 Statuspage incidents and maintenances into incidents/.',
    );
    expect(io.out.join('\n')).toContain(
      'Added groups: core-services (Core services), data (Data).',
    );
    const { model, diagnostics } = await loadRepo(root());
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

    interface Row {
      id: string;
      name: string;
      description: string | null;
      group: boolean;
      group_id: string | null;
      created_at: string;
      components?: string[];
    }
    const summary = JSON.parse(await readFile(join(EXPORT, 'summary.json'), 'utf8')) as {
      components: Row[];
      incidents: (SourceIncident & {
        updated_at: string;
        started_at: string;
        postmortem_body: string;
      })[];
      scheduled_maintenances: (SourceIncident & {
        updated_at: string;
        scheduled_for: string;
        scheduled_until: string;
      })[];
    };
    const webhook = JSON.parse(await readFile(join(EXPORT, 'webhook.incident.json'), 'utf8')) as {
      incident: SourceIncident & { updated_at: string };
    };

    // Components: names, descriptions, groups (by name: Candor's ids are readable slugs) and creation days.
    const rows = statuspageComponents(model!, new Date(NOW)) as Row[];
    const shape = (list: Row[]) => {
      const groupName = (id: string | null) => list.find((r) => r.id === id)?.name ?? null;
      return list
        .filter((r) => !r.group)
        .map((r) => ({
          name: r.name,
          description: r.description,
          group: groupName(r.group_id),
          created: r.created_at.slice(0, 10),
        }));
    };
    const imported = shape(rows);
    for (const source of shape(summary.components)) expect(imported).toContainEqual(source);
    const groups = (list: Row[]) =>
      list
        .filter((r) => r.group)
        .map((g) => ({
          name: g.name,
          description: g.description,
          children: (g.components ?? []).map((id) => list.find((r) => r.id === id)!.name),
        }));
    expect(groups(rows)).toEqual(groups(summary.components));
    expect(JSON.stringify(rows)).not.toContain('1970');

    // Incidents and the maintenance, each as Candor serves it at the source's last change.
    const served = (at: string) => [
      ...incidentsResponse(model!, new Date(at)).incidents,
      ...scheduledMaintenancesResponse(model!, new Date(at)).scheduled_maintenances,
    ];
    for (const source of [
      ...summary.incidents,
      ...summary.scheduled_maintenances,
      webhook.incident,
    ]) {
      const api = served(source.updated_at).find((i) => i.name === source.name)!;
      const expected = readable(source);
      if (source.impact === 'maintenance') expected.impact = 'none';
      const actual = readable(api as unknown as SourceIncident);
      actual.updates.forEach((u, i) => {
        u.components = Object.fromEntries(
          Object.keys(expected.updates[i]?.components ?? {}).map((c) => [c, u.components[c]!]),
        );
      });
      expected.updates.forEach((u) => {
        u.body = htmlToMarkdown(u.body).markdown;
      });
      expect(actual, source.name).toEqual(expected);
    }
    const [incident] = summary.incidents;
    const api = served(incident!.updated_at).find((i) => i.name === incident!.name)!;
    expect(api.started_at).toBe(incident!.started_at);
    expect(model!.incidents.find((i) => i.title === incident!.name)!.postmortem!.body).toBe(
      htmlToMarkdown(incident!.postmortem_body).markdown,
    );
    const [maintenance] = summary.scheduled_maintenances;
    const window = served(maintenance!.updated_at).find(
      (i) => i.name === maintenance!.name,
    ) as unknown as { scheduled_for: string; scheduled_until: string };
    expect([window.scheduled_for, window.scheduled_until]).toEqual([
      maintenance!.scheduled_for,
      maintenance!.scheduled_until,
    ]);
  });

  it('says what a component_update webhook lacks instead of importing nothing', async () => {
    await writeRepoFile(
      root(),
      'hook.json',
      JSON.stringify({
        meta: {},
        page: { id: 'x' },
        component_update: {
          created_at: '2025-01-01T00:00:00Z',
          new_status: 'operational',
          old_status: 'major_outage',
        },
        component: { name: 'API' },
      }),
    );
    const io = captureIo(root());
    expect(await runImport(['statuspage', 'hook.json'], io)).toBe(1);
    expect(io.err.join('\n')).toContain(
      'hook.json has no `incidents`, `scheduled_maintenances`, `components` or `incident`. It is a component_update webhook, which carries no incident',
    );
  });

  it('changes nothing when the same export is imported again', async () => {
    expect(await runImport(['statuspage', await sample(GITHUB)], captureIo(root()))).toBe(0);
    const config = await readRepoFile(root(), 'components.yaml');
    const again = captureIo(root());
    expect(await runImport(['statuspage', await sample(GITHUB)], again)).toBe(0);
    expect(again.out.join('\n')).toContain('Imported 0 of 1');
    expect(again.out.join('\n')).toContain(
      'incidents/2024/2024-09-16-incident-with-pages-and-actions.md exists already',
    );
    expect(await readRepoFile(root(), 'components.yaml')).toBe(config);
  });

  it('converts HTML bodies and reports what it could not map instead of inventing it', async () => {
    const source = JSON.parse(await readFile(await sample(GITHUB), 'utf8')) as {
      incidents: (SourceIncident & { incident_updates: SourceUpdate[] })[];
    };
    const incident = source.incidents[0]!;
    incident.incident_updates[1]!.body =
      'Actions jobs are delayed.<br />See <a href="https://example.com/x?a=1&amp;b=2">details</a> and <blink>this</blink>.<br/>## not a heading';
    incident.incident_updates.push({
      ...incident.incident_updates[1]!,
      status: 'escalated',
      body: 'Escalated to the on-call team.',
      display_at: '2024-09-16T21:45:00.000Z',
      affected_components: [{ name: 'Actions', new_status: 'major_outage' }],
    } as SourceUpdate);
    incident.status = 'postmortem';
    await writeRepoFile(root(), 'export.json', JSON.stringify(source));
    const io = captureIo(root());
    expect(await runImport(['statuspage', 'export.json'], io), io.err.join('\n')).toBe(0);
    const out = io.out.join('\n');
    expect(out).toContain(
      'the status "escalated" of the update of 2024-09-16T21:45:00.000Z has no incident equivalent; it is written as Update.',
    );
    expect(out).toContain(
      'used HTML without a Markdown form (<blink>); its text is kept, the tags are not.',
    );
    expect(out).toContain(
      'Statuspage published a postmortem for it, but the export does not contain its text; add it under `## Postmortem`.',
    );
    const text = await readRepoFile(
      root(),
      'incidents/2024/2024-09-16-incident-with-pages-and-actions.md',
    );
    expect(text).toContain(
      '· Investigating\nActions jobs are delayed.\nSee [details](https://example.com/x?a=1&b=2) and this.\n\\## not a heading\n',
    );
    expect(text).toContain(
      '## 2024-09-16 21:45 UTC · Update\nComponents: actions: major_outage\n\nEscalated to the on-call team.\n',
    );
    const { model, diagnostics } = await loadRepo(root());
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model!.incidents[0]!.updates.map((u) => u.written)).toEqual([
      'investigating',
      'update',
      'resolved',
    ]);
  });

  it("gives a maintenance's components the status they had during its window", async () => {
    const update = (status: string, at: string, component: string) => ({
      status,
      body: `${status}.`,
      created_at: at,
      display_at: at,
      affected_components: [
        { code: 'x1', name: 'Object storage', old_status: 'operational', new_status: component },
      ],
    });
    const maintenance = {
      id: 'm1',
      name: 'Storage upgrade',
      impact: 'maintenance',
      status: 'completed',
      scheduled_for: '2026-11-20T01:00:00.000Z',
      scheduled_until: '2026-11-20T03:00:00.000Z',
      incident_updates: [
        update('completed', '2026-11-20T02:30:00Z', 'operational'),
        update('in_progress', '2026-11-20T01:00:00Z', 'under_maintenance'),
        update('scheduled', '2026-11-10T09:00:00Z', 'operational'),
      ],
    };
    await writeRepoFile(
      root(),
      'maintenances.json',
      JSON.stringify({ scheduled_maintenances: [maintenance] }),
    );
    expect(await runImport(['statuspage', 'maintenances.json'], captureIo(root()))).toBe(0);
    const text = await readRepoFile(root(), 'incidents/2026/2026-11-20-storage-upgrade.md');
    expect(text).toContain(
      'kind: maintenance\nscheduled_for: 2026-11-20 01:00 UTC\nscheduled_until: 2026-11-20 03:00 UTC\ncomponents:\n  storage: under_maintenance\n---\n## 2026-11-10 09:00 UTC · Scheduled\nscheduled.\n\n## 2026-11-20 01:00 UTC · In progress\nin_progress.\n\n## 2026-11-20 02:30 UTC · Completed\n',
    );
    const during = new Date('2026-11-20T02:00:00Z');
    const { model, diagnostics } = await loadRepo(root());
    expect(diagnostics).toEqual([]);
    expect(componentStatuses(model!, during).get('storage')).toBe('under_maintenance');
  });

  it('refuses what is not a Statuspage export, naming the file and the field, and writes nothing', async () => {
    await writeRepoFile(root(), 'broken.json', '{"incidents": [');
    await writeRepoFile(
      root(),
      'wrong.json',
      '{"incidents": [{"id": "x", "name": 3, "incident_updates": []}]}',
    );
    const cases: [string[], number, RegExp][] = [
      [['statuspage', 'broken.json'], 1, /^candor import: broken\.json is not JSON/],
      [['statuspage', 'wrong.json'], 1, /^candor import: wrong\.json: incidents\[0\]\.name: /],
      [
        ['statuspage', 'missing.json'],
        1,
        /^candor import: Cannot read missing\.json: there is no such file\./,
      ],
      [['statuspage'], 2, /^candor import: give the exported incidents\.json/],
      [
        ['pagerduty', 'x.json'],
        2,
        /^candor import: the first argument is "statuspage" or "cstate", not "pagerduty"\./,
      ],
    ];
    for (const [argv, code, message] of cases) {
      const io = captureIo(root());
      expect(await runImport(argv, io)).toBe(code);
      expect(io.err.join('\n')).toMatch(message);
    }
    expect((await loadRepo(root())).model!.incidents).toEqual([]);
  });
});

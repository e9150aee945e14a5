import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/built-sites.ts';

const fixture = join(import.meta.dirname, '../fixtures/audience-repo');

/** Every `CANARY-...` marker written in the fixture: each stands in one internal place. */
async function markersInFixture(): Promise<string[]> {
  const files = await readdir(fixture, { recursive: true, withFileTypes: true });
  const markers = new Set<string>();
  for (const file of files.filter((f) => f.isFile())) {
    const text = await readFile(join(file.parentPath, file.name), 'utf8');
    for (const match of text.matchAll(/CANARY-[a-z-]+/g)) markers.add(match[0]);
  }
  return [...markers].sort();
}

/** Every file of a built site, as text, whatever its type (HTML, XML, ICS, JSON, SVG, ...). */
async function outputFiles(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(dir.length + 1), await readFile(path, 'latin1'));
  }
  return files;
}

describe('one repository, two audiences', () => {
  let markers: string[];
  let publicSite: Map<string, string>;
  let internalSite: Map<string, string>;

  beforeAll(async () => {
    markers = await markersInFixture();
    const [publicOut, internalOut] = await Promise.all([
      buildSite(fixture),
      buildSite(fixture, { audience: 'internal' }),
    ]);
    publicSite = await outputFiles(publicOut);
    internalSite = await outputFiles(internalOut);
  });

  it('has markers in every kind of internal place', () => {
    expect(markers.length).toBeGreaterThanOrEqual(12);
  });

  it('leaks no internal marker into any file of the public build', () => {
    expect(publicSite.size).toBeGreaterThan(0);
    const leaks = [...publicSite].flatMap(([path, text]) =>
      markers.filter((m) => text.includes(m)).map((m) => `${m} in ${path}`),
    );
    expect(leaks).toEqual([]);
  });

  it('keeps the public content in the public build', () => {
    const all = [...publicSite.values()].join('\n');
    expect(all).toContain('Public API');
  });

  it('shows every marker somewhere in the internal build', () => {
    const all = [...internalSite.values()].join('\n');
    // CANARY-comment markers sit in ordinary HTML comments: notes for editors, which no build need show.
    expect(markers.filter((m) => !m.startsWith('CANARY-comment') && !all.includes(m))).toEqual([]);
  });

  it('leaves no trace of an update or a postmortem whose text is all internal', () => {
    const feed = publicSite.get('feed.xml')!;
    const api = (site: Map<string, string>) =>
      JSON.parse(site.get('api/v2/incidents.json')!) as {
        incidents: { id: string; status: string; incident_updates: { display_at: string }[] }[];
      };
    const incident = (site: Map<string, string>, id: string) =>
      api(site).incidents.find((i) => i.id === id)!;
    // An Update note wholly internal: not on the page, in the feed or in the API.
    expect(feed).not.toContain('2026-11-20-resolved@2026-11-20T10:30:00.000Z');
    expect(internalSite.get('feed.xml')).toContain('2026-11-20-resolved@2026-11-20T10:30:00.000Z');
    expect(
      incident(publicSite, '2026-11-20-resolved').incident_updates.map((u) => u.display_at),
    ).not.toContain('2026-11-20T10:30:00Z');
    expect(publicSite.get('incidents/2026-11-20-resolved/index.html')).not.toContain('10:30');
    // A postmortem wholly internal: no section, and the incident is resolved, not "postmortem".
    expect(incident(publicSite, '2026-11-10-internal-postmortem').status).toBe('resolved');
    expect(incident(internalSite, '2026-11-10-internal-postmortem').status).toBe('postmortem');
    expect(publicSite.get('incidents/2026-11-10-internal-postmortem/index.html')).not.toContain(
      '#postmortem',
    );
    expect(internalSite.get('incidents/2026-11-10-internal-postmortem/index.html')).toContain(
      '#postmortem',
    );
  });

  it('keeps the public status free of internal incidents, even on a public component', () => {
    const status = (site: Map<string, string>) =>
      (
        JSON.parse(site.get('api/v2/components.json')!) as {
          components: { name: string; status: string }[];
        }
      ).components.find((c) => c.name === 'Public API')!.status;
    expect(status(publicSite)).toBe('partial_outage');
    expect(status(internalSite)).toBe('major_outage');
  });

  it('marks every internal page as internal', () => {
    const pages = [...internalSite].filter(([path]) => path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(0);
    expect(
      pages
        .filter(([, html]) => !html.includes('Internal view') || !html.includes('noindex'))
        .map(([path]) => path),
    ).toEqual([]);
  });
});

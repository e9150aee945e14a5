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
    const [publicOut, internalOut] = await Promise.all([buildSite(fixture), buildSite(fixture, { audience: 'internal' })]);
    publicSite = await outputFiles(publicOut);
    internalSite = await outputFiles(internalOut);
  });

  it('has markers in every kind of internal place', () => {
    expect(markers.length).toBeGreaterThanOrEqual(12);
  });

  it('leaks no internal marker into any file of the public build', () => {
    expect(publicSite.size).toBeGreaterThan(0);
    const leaks = [...publicSite].flatMap(([path, text]) => markers.filter((m) => text.includes(m)).map((m) => `${m} in ${path}`));
    expect(leaks).toEqual([]);
  });

  it('keeps the public content in the public build', () => {
    const all = [...publicSite.values()].join('\n');
    expect(all).toContain('Public API');
  });

  it('shows every marker somewhere in the internal build', () => {
    const all = [...internalSite.values()].join('\n');
    expect(markers.filter((m) => !all.includes(m))).toEqual([]);
  });

  it('marks every internal page as internal', () => {
    const pages = [...internalSite].filter(([path]) => path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter(([, html]) => !html.includes('Internal view') || !html.includes('noindex')).map(([path]) => path)).toEqual([]);
  });
});

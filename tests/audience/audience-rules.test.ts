import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/core/load-repository.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const now = new Date('2026-11-23T12:00:00Z');
const config = {
  path: 'components.yaml',
  bytes: encode(
    [
      'page: { name: Acme, url: https://status.acme.test }',
      'groups:',
      '  - { id: ops, name: Operations, visibility: internal }',
      'components:',
      '  - { id: api, name: API }',
      '  - { id: billing-db, name: Billing database, visibility: internal }',
      '  - { id: runner, name: Job runner, group: ops }',
      '',
    ].join('\n'),
  ),
};

function load(path: string, text: string) {
  return loadRepository({ config, incidents: [{ path, bytes: encode(text) }] }, { now })
    .diagnostics;
}

describe('audience rules', () => {
  it('report an internal component named by a public incident, at its key', () => {
    const text =
      '---\ntitle: Errors\nimpact: minor\ncomponents:\n  api: partial_outage\n  billing-db: major_outage\n---\n\n## 2026-11-23 09:00 UTC · Investigating\nLooking.\n';
    expect(load('incidents/a.md', text)).toEqual([
      expect.objectContaining({
        code: 'internal-component-in-public-incident',
        line: 6,
        column: 3,
        severity: 'error',
      }),
    ]);
  });

  it('report a component of an internal group named on a Components: line', () => {
    const text =
      '---\ntitle: Errors\nimpact: minor\ncomponents:\n  api: partial_outage\n---\n\n## 2026-11-23 09:00 UTC · Investigating\nComponents: runner: degraded_performance\n\nLooking.\n';
    expect(load('incidents/b.md', text).map((d) => [d.code, d.line])).toEqual([
      ['internal-component-in-public-incident', 9],
    ]);
  });

  it('accept internal components in an internal incident', () => {
    const text =
      '---\ntitle: Errors\nimpact: minor\nvisibility: internal\ncomponents:\n  billing-db: major_outage\n  runner: partial_outage\n---\n\n## 2026-11-23 09:00 UTC · Investigating\nLooking.\n';
    expect(load('incidents/c.md', text)).toEqual([]);
  });

  it('report an unterminated internal block at its line', () => {
    const text =
      '---\ntitle: Errors\nimpact: minor\ncomponents:\n  api: partial_outage\n---\nSummary.\n\n## 2026-11-23 09:00 UTC · Investigating\nLooking.\n\n<!-- internal -->\nTicket OPS-1.\n';
    expect(load('incidents/d.md', text)).toEqual([
      expect.objectContaining({
        code: 'internal-block-unterminated',
        line: 12,
        column: 1,
        severity: 'error',
      }),
    ]);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { readRepository } from '../../src/core/read-repository.ts';
import { tempRepositories } from './temp-repository.ts';

const repositories = tempRepositories();
afterAll(() => repositories.cleanup());

describe('readRepository', () => {
  it('reads components.yaml and every incident under incidents/ at any depth, in a stable order', async () => {
    const root = await repositories.create({
      'components.yaml': 'page: {}\n',
      'incidents/2026/11/b.md': 'b',
      'incidents/a.md': 'a',
      'incidents/2025/c.MD': 'c',
      'incidents/README.md': 'how to write an incident',
      'incidents/_draft.md': 'not yet',
      'incidents/notes.txt': 'not Markdown',
      'elsewhere/d.md': 'outside incidents/',
    });
    const files = await readRepository(root);
    expect(files.config?.path).toBe('components.yaml');
    expect(files.incidents.map((f) => [f.path, Buffer.from(f.bytes).toString()])).toEqual([
      ['incidents/2025/c.MD', 'c'],
      ['incidents/2026/11/b.md', 'b'],
      ['incidents/a.md', 'a'],
    ]);
  });

  it('reads a repository with neither file as empty', async () => {
    expect(await readRepository(await repositories.create({}))).toEqual({ incidents: [] });
  });
});

import { describe, expect, it } from 'vitest';
import { generateRepository } from '../../bench/generate.ts';
import { loadRepository } from '../../src/core/load-repository.ts';

const encode = (text: string) => new TextEncoder().encode(text);

describe('generateRepository', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateRepository({ incidents: 20, seed: 7 })).toEqual(
      generateRepository({ incidents: 20, seed: 7 }),
    );
    expect(generateRepository({ incidents: 20, seed: 7 })).not.toEqual(
      generateRepository({ incidents: 20, seed: 8 }),
    );
  });

  it('makes a repository that validates without errors or warnings', () => {
    const files = generateRepository({ incidents: 300, seed: 1 });
    const config = files.find((f) => f.path === 'components.yaml')!;
    const incidents = files.filter((f) => f.path.startsWith('incidents/'));
    expect(incidents).toHaveLength(300);
    const { model, diagnostics } = loadRepository(
      {
        config: { path: config.path, bytes: encode(config.content) },
        incidents: incidents.map((f) => ({ path: f.path, bytes: encode(f.content) })),
      },
      { now: new Date('2026-11-23T12:00:00Z') },
    );
    expect(diagnostics).toEqual([]);
    expect(model!.incidents).toHaveLength(300);
    expect(model!.incidents.some((i) => i.kind === 'maintenance')).toBe(true);
  });
});

import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRepository } from '../../bench/generate.ts';
import { buildSite } from '../support/built-sites.ts';
import { writeRepository } from '../support/repository.ts';

describe('a component with a long history', () => {
  let content: string;
  let out: string;

  beforeAll(async () => {
    const files = generateRepository({ incidents: 400, seed: 3 });
    content = await writeRepository(Object.fromEntries(files.map((f) => [f.path, f.content])));
    out = await buildSite(content);
  });

  afterAll(async () => {
    await rm(content, { recursive: true, force: true });
  });

  it('lists its latest 50 incidents and points to the history for the rest', async () => {
    const html = await readFile(join(out, 'components/api/index.html'), 'utf8');
    const listed = html.match(/<ul class="items">([\s\S]*?)<\/ul>/)![1]!.match(/<li\b/g)!.length;
    expect(listed).toBe(50);
    expect(html).toMatch(/The latest 50 of \d+; older ones are in the <a href="\/history\/">history<\/a>/);
  });
});

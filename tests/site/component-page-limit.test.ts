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
    // At the address of the other built sites of the tests, so they share one page bundle.
    const files = generateRepository({ incidents: 400, seed: 3 }).map(({ path, content: text }) => [
      path,
      path === 'components.yaml'
        ? text.replace('https://status.bench.test', 'https://status.acme.dev')
        : text,
    ]);
    content = await writeRepository(Object.fromEntries(files));
    out = await buildSite(content);
  });

  afterAll(async () => {
    await rm(content, { recursive: true, force: true });
  });

  it('lists its latest 50 incidents and links to its complete history, 50 a page, page 1 the oldest', async () => {
    const html = await readFile(join(out, 'components/api/index.html'), 'utf8');
    const section = html.slice(html.indexOf('>Incidents and maintenance</h2>'));
    const listed = section.match(/<ul class="items">([\s\S]*?)<\/ul>/)![1]!.match(/<li\b/g)!.length;
    expect(listed).toBe(50);
    const [, total, pages] = html
      .match(
        /The latest 50 of (\d+); older ones are in the <a href="\/components\/api\/history\/(\d+)\/">/,
      )!
      .map(Number);
    expect(pages).toBe(Math.ceil(total! / 50));
    const ids: string[] = [];
    for (let n = 1; n <= pages!; n++) {
      const page = await readFile(join(out, `components/api/history/${n}/index.html`), 'utf8');
      const links = [...page.matchAll(/<h3><a href="\/incidents\/([^/]+)\/">/g)].map((m) => m[1]!);
      expect(links.length, `page ${n}`).toBe(n < pages! ? 50 : total! - 50 * (pages! - 1));
      ids.push(...links);
    }
    // Every incident once, across the pages.
    expect(new Set(ids).size).toBe(total);
  });
});

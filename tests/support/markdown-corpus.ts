import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateRepository } from '../../bench/generate.ts';

/**
 * Markdown texts to compare a renderer with the one it replaced: every fixture, the docs, the
 * example incidents, the benchmark generator's texts, and constructs the corpus may miss.
 */
const root = new URL('../../', import.meta.url).pathname;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** What the loader hands the renderer: decoded text without a BOM, with LF line ends. */
const asLoaded = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

/** Each file whole, and cut at its `## ` headings as the loader cuts incidents into texts. */
function textsOf(file: string): string[] {
  const text = asLoaded(file);
  return [text, ...text.split(/^(?=## )/m)];
}

const repositoryFiles = [
  ...['tests/fixtures', 'incidents', 'docs', 'templates'].flatMap((dir) => {
    try {
      return markdownFiles(join(root, dir));
    } catch {
      return [];
    }
  }),
  join(root, 'README.md'),
].map((path) => readFileSync(path, 'utf8'));
const generated = generateRepository({ incidents: 400, seed: 42 }).map((file) => file.content);

/** Constructs the corpus may miss: every block and inline kind, GFM extensions, hostile links. */
export const constructs = [
  '- [ ] todo\n- [x] done',
  '1. a\n2. b\n\n   c\n3. d',
  '5. five\n6. six',
  '- a\n  - b\n    - c\n- d',
  '- a\n\n- b',
  '> quote\n> - list\n>\n> para',
  '| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n| 4 |',
  '![alt *text*](https://x.test/i.png "T")',
  'Visit www.example.com or https://example.com/path?x=1. Mail ops@example.com.',
  'www.commonmark.org/a.b.',
  'x https://a.test/b?c=d&e=f.',
  '[l](https://x.test "title") [r][ref]\n\n[ref]: https://r.test',
  'a  \nb\\\nc',
  'Setext\n===',
  '    indented\n    code',
  '```js title\nlet x;\n```',
  '`code\nspan`',
  '&amp; &copy; &#35; &nbsp;',
  '<div>\nblock html\n</div>\n\nafter',
  'in <span>line</span> html <!-- note -->',
  '[x](javascript:alert(1)) [y](data:text/html,hi) [z](ftp://f.test) [w](/rel) [v](#frag) ![i](javascript:x)',
  '[bücher](https://bücher.de/ä?q=ö ü)',
  '<https://auto.test> <mailto:a@b.test> <a@b.test>',
  '***strong em*** __strong__ _em_',
  '* * *',
  '# H1\n## H2 ##\n###### H6',
  '\\*not em\\*',
  'http://example.com/a_b_c_(d)',
  '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>',
];

/** Every text of the corpus: each file whole and cut into the texts an incident holds. */
export function corpusTexts(): string[] {
  return [...repositoryFiles, ...generated].flatMap(textsOf);
}

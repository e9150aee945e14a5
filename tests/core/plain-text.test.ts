import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/core/markdown.ts';
import { plainText } from '../../src/core/markdown-text.ts';
import { publicMarkdown } from '../../src/core/public-text.ts';
import { constructs, corpusTexts } from '../support/markdown-corpus.ts';

/**
 * Markdown as plain text is one rule for the calendar, the page descriptions, mail text parts,
 * the webhook's `text` and notice previews. Decided: `-` bullets (the text still reads as
 * Markdown), nested lists indented, a link keeps its address, code keeps its text, emphasis and
 * heading marks go, raw HTML goes as the page drops it, so internal markers never show.
 */
const CASES: [string, string, string][] = [
  ['bullets', '- one\n- two\n* three', '- one\n- two\n\n- three'],
  ['ordered list', '3. first\n4. second', '3. first\n4. second'],
  [
    'nested lists',
    '- outer\n  - inner one\n  - inner two\n- next',
    '- outer\n  - inner one\n  - inner two\n- next',
  ],
  ['list item of two paragraphs', '- first\n\n  second', '- first\n  second'],
  [
    'link with text',
    'See [the docs](https://docs.acme.test/a).',
    'See the docs (https://docs.acme.test/a).',
  ],
  ['link without text', 'See <https://docs.acme.test/a>.', 'See https://docs.acme.test/a.'],
  ['link with an empty text', 'See [](https://docs.acme.test/a).', 'See https://docs.acme.test/a.'],
  ['unsafe link', 'Click [here](javascript:alert(1)).', 'Click here.'],
  ['image', '![a graph](https://img.acme.test/g.png)', 'a graph (https://img.acme.test/g.png)'],
  ['inline code', 'Run `npm ci` again.', 'Run npm ci again.'],
  ['code block', '```sh\nnpm ci\nnpm test\n```', 'npm ci\nnpm test'],
  ['emphasis', 'It is **very** _slow_ ~~now~~.', 'It is very slow now.'],
  ['headings', '### What happened\nA deploy.', 'What happened\n\nA deploy.'],
  ['raw HTML', 'Before <b>bold</b> after.\n\n<div>block</div>', 'Before bold after.'],
  [
    'internal block markers',
    'Public.\n\n<!-- internal -->\nTicket OPS-1.\n<!-- /internal -->\n\nMore.',
    'Public.\n\nTicket OPS-1.\n\nMore.',
  ],
  ['paragraphs and a line break', 'One\ntwo  \nthree\n\nFour.', 'One\ntwo\nthree\n\nFour.'],
  ['task list items', '- [x] done\n- [ ] todo', '- done\n- todo'],
];

/**
 * Where the page's parser reads a text otherwise than the syntax tree this text was once taken
 * from, the text says what the page shows.
 */
const AS_THE_PAGE: [string, string, string][] = [
  ['a single tilde as text, two as strikethrough', 'About ~5~ min. ~~No~~', 'About ~5~ min. No'],
  ['footnotes as written', 'Text[^1]\n\n[^1]: Note.', 'Text[^1]\n\n[^1]: Note.'],
  [
    'bare addresses linked only where the page links them',
    'See shields.io, www.acme.test, www.example.com and ops@example.com.',
    'See shields.io, www.acme.test, www.example.com (http://www.example.com/) and ops@example.com (mailto:ops@example.com).',
  ],
  [
    'reference links and images with their address',
    '[the docs][d] ![graph][g]\n\n[d]: https://docs.acme.test\n[g]: https://img.acme.test/g.png',
    'the docs (https://docs.acme.test/) graph (https://img.acme.test/g.png)',
  ],
  ['a line end in code as a space', 'Run `npm\nci` now.', 'Run npm ci now.'],
  ['a table row with a missing cell', '| a | b |\n|---|---|\n| 1 |', 'a | b\n1 |'],
];

describe('Markdown as plain text', () => {
  for (const [name, markdown, expected] of CASES)
    it(`writes ${name} as decided`, () => expect(plainText(markdown)).toBe(expected));

  for (const [name, markdown, expected] of AS_THE_PAGE)
    it(`reads ${name}, as the page does`, () => expect(plainText(markdown)).toBe(expected));

  it('shows no internal text in the public view, nor any marker in the internal one', () => {
    const text = 'Public.\n\n<!-- internal -->\nTicket OPS-1.\n<!-- /internal -->';
    expect(plainText(publicMarkdown(text))).toBe('Public.');
    expect(plainText(text)).not.toMatch(/internal|<!--/);
  });

  it('keeps the address of every link and image the page shows', () => {
    const addresses = (html: string) =>
      [...html.matchAll(/(?:href|src)="([^"]+)"/g)]
        // hast-util-to-html writes `&` in an attribute as `&#x26;`.
        .map((match) =>
          match[1]!.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) =>
            String.fromCodePoint(parseInt(hex, 16)),
          ),
        )
        .filter((url) => /^(https?|mailto):/i.test(url))
        .map((url) => new URL(url).href);
    const missing = [...corpusTexts(), ...constructs].flatMap((text) => {
      const plain = plainText(text);
      return addresses(renderMarkdown(text)).filter((url) => !plain.includes(url));
    });
    expect(missing).toEqual([]);
  });
});

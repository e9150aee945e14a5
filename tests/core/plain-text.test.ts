import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/core/markdown-text.ts';
import { publicMarkdown } from '../../src/core/public-text.ts';

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
];

describe('Markdown as plain text', () => {
  for (const [name, markdown, expected] of CASES)
    it(`writes ${name} as decided`, () => expect(plainText(markdown)).toBe(expected));

  it('shows no internal text in the public view, nor any marker in the internal one', () => {
    const text = 'Public.\n\n<!-- internal -->\nTicket OPS-1.\n<!-- /internal -->';
    expect(plainText(publicMarkdown(text))).toBe('Public.');
    expect(plainText(text)).not.toMatch(/internal|<!--/);
  });
});

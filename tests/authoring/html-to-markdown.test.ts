import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../src/authoring/import/html-to-markdown.ts';
import { renderMarkdown } from '../../src/core/markdown.ts';

describe('htmlToMarkdown (Statuspage update bodies)', () => {
  it('keeps plain text as it is', () => {
    expect(htmlToMarkdown('This incident has been resolved.')).toEqual({
      markdown: 'This incident has been resolved.',
      droppedTags: [],
    });
  });

  it('turns line breaks, paragraphs, emphasis, links, lists and entities into Markdown', () => {
    const body =
      '<p>We are <strong>investigating</strong> &amp; <em>monitoring</em>.</p><p>Status: <a href="https://status.example.com/a?b=1&amp;c=2">here</a><br />Next line</p><ul><li>one</li><li>two</li></ul>&#8212; &lt;done&gt;';
    expect(htmlToMarkdown(body).markdown).toBe(
      'We are **investigating** & *monitoring*.\n\nStatus: [here](https://status.example.com/a?b=1&c=2)\nNext line\n\n- one\n- two\n\n— \\<done>',
    );
  });

  it('keeps text that looks like a tag visible through the real Markdown pipeline', () => {
    expect(renderMarkdown(htmlToMarkdown('Set the header to &lt;none&gt; for now.').markdown)).toBe(
      '<p>Set the header to &#x3C;none> for now.</p>',
    );
  });

  it('keeps the text of a link whose address is not http(s) or mailto, without the link', () => {
    expect(htmlToMarkdown('<a href="javascript:alert(1)">click</a>').markdown).toBe('click');
  });

  it('names tags it has no Markdown form for, keeping their text', () => {
    expect(htmlToMarkdown('a <font color="red">red</font> <marquee>word</marquee>')).toEqual({
      markdown: 'a red word',
      droppedTags: ['font', 'marquee'],
    });
  });

  it('escapes lines Markdown would read as an update heading, a setext heading or a Components line', () => {
    expect(htmlToMarkdown('Components: api is slow<br>## Heading<br>text<br>---').markdown).toBe(
      'Components\\: api is slow\n\\## Heading\ntext\n\\---',
    );
  });
});

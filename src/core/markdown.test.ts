import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    expect(renderMarkdown('Retry **with** [backoff](https://example.com/retry).')).toBe(
      '<p>Retry <strong>with</strong> <a href="https://example.com/retry">backoff</a>.</p>',
    );
  });

  it('drops raw HTML such as scripts and event handlers', () => {
    const html = renderMarkdown(
      'Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> <b onclick="x()">b</b>',
    );
    expect(html).not.toMatch(/<script|<img|\son\w+=/i);
    expect(html).toBe('<p>Hi alert(1)  b</p>');
  });

  it('makes javascript: links harmless', () => {
    const html = renderMarkdown(
      '[click](javascript:alert(1)) <javascript:alert(2)> [x](JaVaScRiPt:alert(3))',
    );
    expect(html).not.toMatch(/href="[^"]*javascript:/i);
    expect(html).toContain('<a>click</a>');
  });
});

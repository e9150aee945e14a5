import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/core/load-repository.ts';

const now = new Date('2026-11-23T12:00:00Z');

function check(url: string) {
  const text = `page:\n  name: Acme\n  url: ${JSON.stringify(url)}\ncomponents:\n  - { id: api, name: API }\n`;
  return loadRepository(
    { config: { path: 'components.yaml', bytes: new TextEncoder().encode(text) }, incidents: [] },
    { now },
  ).diagnostics;
}

// A page's URL becomes Astro's `site` and `base` and every link: a path Astro cannot carry as
// written crashed the build ("Missing parameter: id") and left a partial dist/. Check refuses it.
describe('page.url', () => {
  it.each([
    'https://status.acme.dev',
    'https://status.acme.dev/',
    'https://acme.github.io/status/',
    'https://acme.github.io/status-page_v2.1/~team/',
    'http://127.0.0.1:8080/status/',
  ])('accepts %s', (url) => {
    expect(check(url)).toEqual([]);
  });

  it.each([
    ['a non-ASCII path', 'https://acme.example/stätus/'],
    ['a double quote', 'https://acme.example/st"atus/'],
    ['a space', 'https://acme.example/my status/'],
    ['a percent-encoded path', 'https://acme.example/st%C3%A4tus/'],
    ['a query', 'https://acme.example/status/?lang=en'],
    ['a fragment', 'https://acme.example/status/#top'],
    ['credentials', 'https://user:pass@acme.example/status/'],
    ['a single quote', "https://acme.example/it's/"],
    ['angle brackets', 'https://acme.example/<b>/'],
  ])('refuses %s on the url line, with what to write', (_, url) => {
    const diagnostics = check(url);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'components.yaml', line: 3, severity: 'error' });
    expect(diagnostics[0]!.hint).toMatch(/letters, digits/);
  });
});

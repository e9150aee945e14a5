import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { CATALOGUES, MESSAGE_KEYS, type BuiltInLanguage } from '../../src/i18n/catalogue.ts';
import type { Message } from '../../src/i18n/message.ts';
import { EXAMPLE_PAGE } from '../candor-bin.ts';
import { writeRepository } from '../support/repository.ts';

/**
 * The example repository in `language`, with every word an author wrote replaced by neutral Latin,
 * so whatever English is left on a page, feed or notice can only come from Candor itself.
 */
export async function neutralExample(language: string, timezone: string): Promise<string> {
  const config = parseDocument(await readFile(join(EXAMPLE_PAGE, 'components.yaml'), 'utf8'));
  config.setIn(['page', 'language'], language);
  config.setIn(['page', 'timezone'], timezone);
  config.deleteIn(['page', 'description']);
  const latin = (list: 'groups' | 'components') => {
    const items = config.getIn([list]) as { items: unknown[] };
    items.items.forEach((_, i) => {
      config.setIn([list, i, 'name'], `Lorem ${list === 'groups' ? 'grex' : 'pars'} ${i + 1}`);
      if (config.hasIn([list, i, 'description']))
        config.setIn([list, i, 'description'], 'lorem.example');
    });
  };
  latin('groups');
  latin('components');
  for (const level of ['minor', 'major', 'critical'])
    if (config.hasIn(['severity', level]))
      config.setIn(['severity', level], 'Lorem ipsum dolor sit amet.');
  const files: Record<string, string> = { 'components.yaml': config.toString() };
  const dir = join(EXAMPLE_PAGE, 'incidents');
  for (const path of (await readdir(dir, { recursive: true })).filter((p) => p.endsWith('.md'))) {
    files[`incidents/${path}`] = neutralIncident(await readFile(join(dir, path), 'utf8'));
  }
  return writeRepository(files);
}

/** Keeps the frontmatter's facts, headings and `Components:` lines; every sentence becomes Latin. */
function neutralIncident(text: string): string {
  const [, frontmatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
  const front = frontmatter!
    .replace(/^title: .*$/m, 'title: Lorem ipsum dolor')
    .replace(/^(workaround|contact): .*$/gm, '$1: Lorem ipsum.');
  const lines = body!
    .split('\n')
    .map((line) =>
      /^#{2,}\s|^components?:/i.test(line) || line.trim() === '' || /^<!--|-->$/.test(line.trim())
        ? line
        : 'Lorem ipsum dolor sit amet.',
    );
  return `---\n${front}\n---\n${lines.join('\n')}`;
}

/**
 * The English texts of the catalogue that would betray an untranslated label in `language`: each
 * run of words between placeholders, of four letters or more, that the language's own catalogue
 * never uses (Dutch says "Status" and "Update" too).
 */
export function englishFragments(
  language: BuiltInLanguage,
  keys: readonly string[] = MESSAGE_KEYS,
): string[] {
  const texts = (m: Message) =>
    typeof m === 'string'
      ? [m]
      : Object.values(m).filter((v): v is string => typeof v === 'string');
  const own = MESSAGE_KEYS.flatMap((k) => texts(CATALOGUES[language][k])).join('\n');
  const fragments = new Set<string>();
  for (const key of keys as (keyof typeof CATALOGUES.en)[]) {
    for (const text of texts(CATALOGUES.en[key])) {
      for (const part of text.split(/\{\w+\}/)) {
        const fragment = part.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
        if (fragment.length >= 4 && !own.includes(fragment)) fragments.add(fragment);
      }
    }
  }
  return [...fragments];
}

/** The fragments found in `text` as whole words, not inside a file name or URL (`maintenance.ics`, `-maintenance/`). */
export function englishIn(text: string, fragments: readonly string[]): string[] {
  return fragments.filter((f) =>
    new RegExp(
      `(?<![\\p{L}\\p{N}/._-])${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}/_-]|\\.\\p{L})`,
      'u',
    ).test(text),
  );
}

/** What a reader sees or hears of a page: its text and its labels, without markup. */
export function readerText(html: string): string {
  const attributes = [...html.matchAll(/\s(?:aria-label|title|alt|content)="([^"]*)"/g)].map(
    (m) => m[1],
  );
  const body = html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  return decode([body, ...attributes].join('\n'));
}

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0');
}

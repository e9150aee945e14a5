import { describe, expect, it } from 'vitest';
import { loadRepository, type RepositoryFiles } from '../../src/core/load-repository.ts';
import { localeOf } from '../../src/core/page-locale.ts';
import { MESSAGE_KEYS } from '../../src/i18n/catalogue.ts';
import { en } from '../../src/i18n/messages/en.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const config = (language: string) => ({
  path: 'components.yaml',
  bytes: bytes(
    `page:\n  name: Acme\n  url: https://status.acme.dev\n  language: ${language}\ncomponents:\n  - { id: api, name: API }\n`,
  ),
});
const load = (
  language: string,
  locales: Record<string, string> = {},
  incidents: RepositoryFiles['incidents'] = [],
) =>
  loadRepository(
    {
      config: config(language),
      incidents,
      locales: Object.entries(locales).map(([path, text]) => ({ path, bytes: bytes(text) })),
    },
    { now: new Date('2026-11-23T00:00:00Z') },
  );
const found = (result: ReturnType<typeof load>) =>
  result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);

describe('page.language', () => {
  it('defaults to English and accepts a regional tag of a language Candor has', () => {
    expect(load('en').model!.page.language).toBe('en');
    const mexico = load('es-MX');
    expect(mexico.diagnostics).toEqual([]);
    expect(localeOf(mexico.model!).t('status.resolved')).toBe('Resuelto');
  });

  it('suggests the tag when a language is written by name or misspelt', () => {
    expect(load('Spanish').diagnostics.map((d) => [d.line, d.column, d.message, d.hint])).toEqual([
      [4, 13, 'Candor has no words for the language "spanish".', 'Did you mean `es`?'],
    ]);
    expect(load('es_ES').diagnostics.map((d) => d.hint)).toEqual(['Did you mean `es`?']);
    expect(load('Deutsch').diagnostics.map((d) => d.hint)).toEqual(['Did you mean `de`?']);
  });
});

describe('locales/<language>.yaml', () => {
  it('overrides a word of a language Candor has, in the pages and in the update headings authors write', () => {
    const incident = {
      path: 'incidents/a.md',
      bytes: bytes(
        '---\ntitle: Fallo\nimpact: minor\ncomponents:\n  api: degraded_performance\n---\nResumen.\n\n## 2026-11-22 10:00 UTC · En seguimiento\nTexto.\n',
      ),
    };
    const result = load('es', { 'locales/es.yaml': 'status.monitoring: En seguimiento\n' }, [
      incident,
    ]);
    expect(result.diagnostics).toEqual([]);
    expect(localeOf(result.model!).t('status.monitoring')).toBe('En seguimiento');
    expect(localeOf(result.model!).t('status.resolved')).toBe('Resuelto');
    expect(result.model!.incidents[0]!.updates[0]!.status).toBe('monitoring');
  });

  it('names the line of an unknown key and of a wrong placeholder', () => {
    const result = load('nl', {
      'locales/nl.yaml':
        '# Onze woorden\nstatus.monitoring: In de gaten\nstatus.paused: Gepauzeerd\nlayout.page_title: "Status van {naam}"\n',
    });
    expect(found(result)).toEqual([
      'locales/nl.yaml:3:1 The "nl" catalogue has the key "status.paused", which English does not have: remove it or add it to every language.',
      'locales/nl.yaml:4:20 "layout.page_title" in the "nl" catalogue uses {naam}, which this message does not have; it can use {name}.',
      'locales/nl.yaml:4:20 "layout.page_title" in the "nl" catalogue leaves out {name}; write it where the value belongs.',
    ]);
  });

  it('adds a language Candor does not have when it gives every word, and says which are missing otherwise', () => {
    const portuguese = MESSAGE_KEYS.map((key) => {
      const value = en[key];
      return typeof value === 'string'
        ? `${key}: ${JSON.stringify(`pt ${value}`)}`
        : `${key}:\n  one: ${JSON.stringify(`pt ${value.one}`)}\n  other: ${JSON.stringify(`pt ${value.other}`)}`;
    }).join('\n');
    const complete = load('pt-BR', { 'locales/pt.yaml': portuguese });
    expect(complete.diagnostics).toEqual([]);
    expect(localeOf(complete.model!).t('status.resolved')).toBe('pt Resolved');
    expect(localeOf(complete.model!).date(new Date('2026-11-23T12:00:00Z'))).toBe(
      '23 de nov. de 2026',
    );

    const partial = load('pt', { 'locales/pt.yaml': 'status.resolved: Resolvido\n' });
    expect(found(partial)).toEqual([
      `locales/pt.yaml:1:1 The "pt" catalogue lacks ${MESSAGE_KEYS.length - 1} keys: "status.investigating", "status.identified", "status.monitoring", "status.scheduled", "status.in_progress", "status.verifying", "status.completed", "status.update", …`,
    ]);
  });

  it('refuses a file not named after a language', () => {
    expect(found(load('en', { 'locales/spanish.yaml': 'status.resolved: Resuelto\n' }))).toEqual([
      'locales/spanish.yaml:1:1 locales/spanish.yaml is not named after a BCP 47 language tag.',
    ]);
    expect(load('en', { 'locales/spanish.yaml': 'x: y\n' }).diagnostics[0]!.hint).toBe(
      'Name it locales/es.yaml.',
    );
  });
});

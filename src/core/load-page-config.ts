import { error, excerpt, suggest, type Diagnostic, type Position } from './diagnostics.ts';
import { schemaDiagnostics } from './schema-diagnostics.ts';
import { pageConfigSchema, type PageConfig } from './schema/page-config.ts';
import type { SourceFile } from './source-text.ts';
import { readYamlFile } from './yaml-file.ts';
import type { YamlPath, YamlSource } from './yaml-source.ts';

interface LoadedPageConfig {
  config?: PageConfig;
  /** Where `page.language` is written (or `page:` when it is not), for errors about the language. */
  languageAt?: Position;
  diagnostics: Diagnostic[];
}

/** Reads components.yaml: shape, then the rules that span its lists (unique ids, known groups). */
export function loadPageConfig(file: SourceFile): LoadedPageConfig {
  const { source, diagnostics: unreadable } = readYamlFile(
    file,
    'Declare `page:` and `components:`; see the README for an example.',
  );
  if (!source) return { diagnostics: unreadable };
  const parsed = pageConfigSchema.safeParse(source.value);
  const diagnostics = parsed.success
    ? []
    : schemaDiagnostics(file.path, pageConfigSchema, source, parsed.error.issues);
  diagnostics.push(...crossListDiagnostics(file.path, source));
  const languageAt = source.locate(['page', 'language']);
  return parsed.success ? { config: parsed.data, languageAt, diagnostics } : { diagnostics };
}

type Entry = { id: string; index: number; group?: unknown; since?: unknown };

/** The entries of a list that have a string id, read from the raw YAML so these rules run even when the shape is wrong elsewhere. */
function entries(raw: unknown, key: 'groups' | 'components'): Entry[] {
  const list =
    raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown, index) =>
    item !== null && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string'
      ? [{ ...(item as Entry), index }]
      : [],
  );
}

/** Rules that span a list: unique ids, groups that exist, real days. */
function crossListDiagnostics(path: string, source: YamlSource): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at = (p: YamlPath): Position => source.locate(p);
  const groups = entries(source.value, 'groups');
  const components = entries(source.value, 'components');

  const unique = (list: Entry[], listName: 'groups' | 'components', what: string) => {
    const first = new Map<string, number>();
    for (const item of list) {
      const earlier = first.get(item.id);
      if (earlier === undefined) first.set(item.id, item.index);
      else {
        diagnostics.push(
          error(
            path,
            at([listName, item.index, 'id']),
            'duplicate-id',
            `The ${what} id ${excerpt(item.id)} is already used on line ${at([listName, earlier, 'id']).line}.`,
            `Give each ${what} its own id.`,
          ),
        );
      }
    }
  };
  unique(groups, 'groups', 'group');
  unique(components, 'components', 'component');

  const groupIds = groups.map((g) => g.id);
  for (const component of components) {
    // Groups and components share one id space in the Statuspage API (group rows are components).
    const group = groups.find((g) => g.id === component.id);
    if (group) {
      diagnostics.push(
        error(
          path,
          at(['components', component.index, 'id']),
          'duplicate-id',
          `The component id ${excerpt(component.id)} is already the id of a group (line ${at(['groups', group.index, 'id']).line}).`,
          'Give the component and the group different ids; they share one list in the JSON API.',
        ),
      );
    }
    if (typeof component.group === 'string' && !groupIds.includes(component.group)) {
      diagnostics.push(
        error(
          path,
          at(['components', component.index, 'group']),
          'unknown-group',
          `Component ${excerpt(component.id)} names the group ${excerpt(component.group)}, which is not declared under \`groups:\`.`,
          suggest(component.group, groupIds, 'a declared group') ||
            'Declare the group under `groups:` first.',
        ),
      );
    }
    if (
      typeof component.since === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(component.since) &&
      !isRealDay(component.since)
    ) {
      diagnostics.push(
        error(
          path,
          at(['components', component.index, 'since']),
          'invalid-value',
          `${excerpt(component.since)} is not a real date.`,
          'Write a day that exists, as YYYY-MM-DD.',
        ),
      );
    }
  }
  return diagnostics;
}

function isRealDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

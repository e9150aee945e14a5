import { error, suggest, type Diagnostic, type Position } from './diagnostics.ts';
import { schemaDiagnostics } from './schema-diagnostics.ts';
import { pageConfigSchema, type PageConfig } from './schema/page-config.ts';
import { decodeSource, type SourceFile } from './source-text.ts';
import { parseYamlSource, type YamlPath } from './yaml-source.ts';

export interface LoadedPageConfig {
  config?: PageConfig;
  diagnostics: Diagnostic[];
}

/** Reads components.yaml: shape, then the rules that span its lists (unique ids, known groups). */
export function loadPageConfig(file: SourceFile): LoadedPageConfig {
  const decoded = decodeSource(file);
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostics };
  const source = parseYamlSource(file.path, decoded.text);
  if (source.value === undefined) {
    if (source.diagnostics.length > 0) return { diagnostics: source.diagnostics };
    return {
      diagnostics: [error(file.path, { line: 1, column: 1 }, 'empty-file', 'components.yaml is empty.', 'Declare `page:` and `components:`; see the README for an example.')],
    };
  }
  const parsed = pageConfigSchema.safeParse(source.value);
  if (!parsed.success) return { diagnostics: schemaDiagnostics(file.path, pageConfigSchema, source, parsed.error.issues) };
  const config = parsed.data;
  const diagnostics: Diagnostic[] = [];
  const at = (path: YamlPath): Position => source.locate(path);

  const seen = (list: { id: string }[], listName: 'groups' | 'components', what: string) => {
    const first = new Map<string, number>();
    list.forEach((item, i) => {
      const earlier = first.get(item.id);
      if (earlier === undefined) first.set(item.id, i);
      else {
        diagnostics.push(error(file.path, at([listName, i, 'id']), 'duplicate-id',
          `The ${what} id "${item.id}" is already used on line ${at([listName, earlier, 'id']).line}.`,
          `Give each ${what} its own id.`));
      }
    });
  };
  seen(config.groups, 'groups', 'group');
  seen(config.components, 'components', 'component');

  const groupIds = config.groups.map((g) => g.id);
  config.components.forEach((component, i) => {
    if (component.group !== undefined && !groupIds.includes(component.group)) {
      diagnostics.push(error(file.path, at(['components', i, 'group']), 'unknown-group',
        `Component "${component.id}" names the group "${component.group}", which is not declared under \`groups:\`.`,
        suggest(component.group, groupIds, 'a declared group') || 'Declare the group under `groups:` first.'));
    }
    if (component.since !== undefined && !isRealDay(component.since)) {
      diagnostics.push(error(file.path, at(['components', i, 'since']), 'invalid-value', `"${component.since}" is not a real date.`, 'Write the day as YYYY-MM-DD.'));
    }
  });
  return { config, diagnostics };
}

function isRealDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

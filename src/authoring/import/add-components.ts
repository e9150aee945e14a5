import { isSeq, parseDocument, type YAMLSeq } from 'yaml';
import type { Group } from '../../core/model.ts';
import { ContentError } from '../../core/errors.ts';
import type { NewComponent } from './component-registry.ts';

/**
 * components.yaml with new groups and components appended to their lists, through the YAML
 * document so comments and the team's layout stay; a new entry takes the style (one-line or
 * block) of the entries before it.
 */
export function addComponents(
  text: string,
  components: readonly NewComponent[],
  groups: readonly Group[],
): string {
  if (components.length === 0 && groups.length === 0) return text;
  const doc = parseDocument(text, { version: '1.2', schema: 'core' });
  const append = (key: string, items: readonly object[]) => {
    if (items.length === 0) return;
    let seq = doc.get(key, true);
    if (seq === undefined || seq === null) {
      doc.set(key, doc.createNode([]));
      seq = doc.get(key, true);
    }
    if (!isSeq(seq))
      throw new ContentError(
        `components.yaml: \`${key}:\` is not a list, so the imported ${key} cannot be added to it.`,
      );
    const list = seq as YAMLSeq;
    const flow =
      list.items.length > 0 &&
      list.items.every((item) => (item as { flow?: boolean }).flow === true);
    for (const item of items) list.add(doc.createNode(item, { flow }));
  };
  append(
    'groups',
    groups.map((g) => ({
      id: g.id,
      name: g.name,
      ...(g.description ? { description: g.description } : {}),
    })),
  );
  append('components', components);
  return doc.toString({ lineWidth: 0 });
}

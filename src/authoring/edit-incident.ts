import { isMap, isNode, isScalar, parseDocument, stringify } from 'yaml';
import { splitFrontmatter } from '../core/frontmatter.ts';
import { ContentError } from '../core/errors.ts';

/**
 * Adds a section after the last update. `beforeLine` (1-based), the line of an existing
 * `## Postmortem`, keeps the postmortem last.
 */
export function insertSection(text: string, section: string, beforeLine?: number): string {
  if (beforeLine === undefined) return `${text.trimEnd()}\n\n${section.trimEnd()}\n`;
  const lines = text.split('\n');
  const before = lines
    .slice(0, beforeLine - 1)
    .join('\n')
    .trimEnd();
  const after = lines.slice(beforeLine - 1).join('\n');
  return `${before}\n\n${section.trimEnd()}\n\n${after}`;
}

/**
 * Sets (or, with undefined, removes) one top-level frontmatter key. The YAML document says where
 * the key and its value are; only those characters change, so every comment, blank line and
 * alignment the team wrote stays as it was.
 */
export function setFrontmatterKey(
  path: string,
  text: string,
  key: string,
  value: string | undefined,
): string {
  const { split } = splitFrontmatter(path, text);
  const doc = split && parseDocument(split.yaml, { version: '1.2', schema: 'core' });
  if (!split || !doc || doc.errors.length > 0 || !isMap(doc.contents) || doc.contents.flow) {
    throw new ContentError(
      `${path}: the frontmatter is not a YAML mapping Candor can edit; run \`npx candor check\` to see why.`,
    );
  }
  const yaml = split.yaml;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key);
  const keyStart = pair && isNode(pair.key) ? pair.key.range?.[0] : undefined;
  const valueRange = pair && isNode(pair.value) ? pair.value.range : undefined;
  let edited: string;
  if (value === undefined) {
    if (keyStart === undefined) return text;
    const lineStart = yaml.lastIndexOf('\n', keyStart - 1) + 1;
    const lineEnd = yaml.indexOf('\n', valueRange?.[1] ?? keyStart);
    edited = yaml.slice(0, lineStart) + (lineEnd < 0 ? '' : yaml.slice(lineEnd + 1));
  } else {
    const scalar = stringify(value, { version: '1.2', lineWidth: 0 }).trimEnd();
    if (valueRange) edited = yaml.slice(0, valueRange[0]) + scalar + yaml.slice(valueRange[1]);
    else if (keyStart !== undefined)
      throw new ContentError(
        `${path}: \`${key}:\` has no value; give it one or remove the line, then run the command again.`,
      );
    else edited = `${withoutTrailingNewlines(yaml)}\n${key}: ${scalar}`;
  }
  return `---\n${withoutTrailingNewlines(edited)}\n---\n${split.body}`;
}

function withoutTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '\n') end--;
  return text.slice(0, end);
}

/**
 * Replaces the summary, the text between the frontmatter and the first update (`firstUpdateLine`,
 * 1-based), leaving the rest of the file as it was.
 */
export function replaceSummary(
  path: string,
  text: string,
  summary: string,
  firstUpdateLine: number,
): string {
  const { split } = splitFrontmatter(path, text);
  if (!split)
    throw new ContentError(
      `${path}: the frontmatter is not a YAML mapping Candor can edit; run \`npx candor check\` to see why.`,
    );
  const lines = text.split('\n');
  const before = lines.slice(0, split.bodyLineOffset);
  const after = lines.slice(firstUpdateLine - 1);
  return [...before, ...(summary.trim() ? [summary.trim(), ''] : []), ...after].join('\n');
}

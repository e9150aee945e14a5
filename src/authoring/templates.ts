import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UpdateStatus } from '../core/schema/update-status.ts';
import { ContentError } from '../core/errors.ts';
import { formatPretty } from '../core/format-diagnostics.ts';
import { readSourceFile } from '../core/read-source-file.ts';
import { readRepositoryText } from './read-text.ts';

const TEMPLATES_DIR = 'templates';

/** What a template may say; an empty value drops the lines that use it. */
const PLACEHOLDERS = [
  'title',
  'impact',
  'components',
  'is_are',
  'was_were',
  'started',
  'ended',
  'duration',
  'from',
  'until',
  'next_update',
  'workaround',
  'contact',
  'timeline',
] as const;
export type TemplateValues = Partial<Record<(typeof PLACEHOLDERS)[number], string>>;

interface Template {
  /** Path relative to the repository root, for messages. */
  path: string;
  text: string;
}

/** The template that drafts an update of this status: `templates/in-progress.md` for In progress. */
export function statusTemplateName(status: UpdateStatus): string {
  return status.replace(/_/g, '-');
}

/** The templates Candor ships, used for any the repository does not override in its own templates/. */
const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/**
 * The template in the page's language: `templates/es/resolved.md` for a Spanish page (or `es-MX`),
 * `templates/resolved.md` for English or when the language has no file of that name.
 */
export async function readTemplate(root: string, name: string, language = 'en'): Promise<Template> {
  const base = language.split('-')[0]!.toLowerCase();
  if (base !== 'en') {
    const localised = `${TEMPLATES_DIR}/${base}/${name}.md`;
    const result = await readSourceFile(root, localised);
    if ('refused' in result) throw new ContentError(formatPretty([result.refused]));
    if ('file' in result)
      return { path: localised, text: new TextDecoder().decode(result.file.bytes) };
  }
  const path = `${TEMPLATES_DIR}/${name}.md`;
  if (!(await hasOwnTemplate(root, path)))
    return {
      path: `${path} (built in)`,
      text: await readFile(join(BUILT_IN_TEMPLATES, `${name}.md`), 'utf8'),
    };
  return { path, text: await readRepositoryText(root, path) };
}

/**
 * A repository overrides only the templates it has; the others are Candor's own. A link, at the
 * file or as the folder, counts as the repository's own, so reading it is refused, never skipped.
 */
async function hasOwnTemplate(root: string, path: string): Promise<boolean> {
  const folder = await lstat(join(root, TEMPLATES_DIR)).catch(() => undefined);
  if (!folder) return false;
  if (!folder.isDirectory()) return true;
  return (await lstat(join(root, path)).catch(() => undefined)) !== undefined;
}

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

/**
 * `<!-- ... -->` and the spaces and newline after it removed; an unclosed one is kept.
 * A scan rather than a lazy pattern, which would search from every `<!--` to the end: quadratic.
 */
function dropComments(text: string): string {
  let out = '';
  let from = 0;
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', from)) {
    out += text.slice(from, open);
    const close = text.indexOf('-->', open + 4);
    if (close < 0) return out + text.slice(open);
    from = close + 3;
    while (text[from] === ' ' || text[from] === '\t') from++;
    if (text[from] === '\n') from++;
  }
  return out + text.slice(from);
}

/**
 * Fills `{{placeholders}}`. Comments are notes for whoever edits the template and are dropped; a
 * line using a placeholder without a value is left out, so a template can offer optional sentences.
 */
export function fillTemplate(template: Template, values: TemplateValues): string {
  const lines = dropComments(template.text).split('\n');
  const out: string[] = [];
  lines.forEach((line) => {
    let missing = false;
    const filled = line.replace(PLACEHOLDER, (_, name: string) => {
      if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
        const lineNumber = template.text.split('\n').findIndex((l) => l.includes(`{{${name}`)) + 1;
        throw new ContentError(
          `${template.path}:${lineNumber} uses {{${name}}}, which Candor does not fill.\n    hint: Use one of: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.`,
        );
      }
      const value = values[name as keyof TemplateValues];
      if (!value) missing = true;
      return value ?? '';
    });
    if (!missing) out.push(filled);
  });
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

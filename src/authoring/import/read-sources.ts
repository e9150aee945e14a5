import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type * as z from 'zod';
import { ContentError } from '../../core/errors.ts';
import type { CstateFile } from './cstate.ts';
import { statuspageExportSchema } from './statuspage.ts';

/** A file the user named, or a one-line refusal saying why it cannot be read. */
export async function readSourceText(cwd: string, path: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, path), 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new ContentError(
      `Cannot read ${path}: ${code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : (cause as Error).message}.`,
    );
  }
}

const HINT =
  "Give an incidents.json, scheduled-maintenances.json, summary.json or components.json from a Statuspage page's /api/v2/, or the JSON body of a Statuspage incident webhook.";

/** A Statuspage export file, checked for the fields the importer needs, with the JSON path of any problem. */
export async function readStatuspageExport(
  cwd: string,
  path: string,
): Promise<z.infer<typeof statuspageExportSchema>> {
  let json: unknown;
  try {
    json = JSON.parse(await readSourceText(cwd, path));
  } catch (cause) {
    if (cause instanceof ContentError) throw cause;
    throw new ContentError(
      `${path} is not JSON (${(cause as Error).message}).\n    hint: Save the response of /api/v2/incidents.json or /api/v2/scheduled-maintenances.json as it is.`,
    );
  }
  const parsed = statuspageExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    throw new ContentError(
      `${path}: ${where || 'the top level'}: ${issue.message}.\n    hint: ${HINT}`,
    );
  }
  const { incidents, scheduled_maintenances, components, incident } = parsed.data;
  if (!incidents && !scheduled_maintenances && !components && !incident) {
    const what = (json as { component_update?: unknown }).component_update
      ? " It is a component_update webhook, which carries no incident: give an incident webhook's payload."
      : '';
    throw new ContentError(
      `${path} has no \`incidents\`, \`scheduled_maintenances\`, \`components\` or \`incident\`.${what}\n    hint: ${HINT}`,
    );
  }
  return parsed.data;
}

/** Every issue file in a cState `content/issues` folder (sub-folders included, `_index.md` left out). */
export async function readCstateIssues(cwd: string, dir: string): Promise<CstateFile[]> {
  const root = resolve(cwd, dir);
  let entries;
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new ContentError(
      `Cannot read the folder ${dir}: ${code === 'ENOENT' ? 'it does not exist' : code === 'ENOTDIR' ? 'it is a file, not a folder' : (cause as Error).message}.\n    hint: Give cState's content/issues folder.`,
    );
  }
  const paths = entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.md') && !e.name.startsWith('_'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  return Promise.all(
    paths.map(async (full) => ({
      path: relative(root, full).split(sep).join('/'),
      text: await readFile(full, 'utf8'),
    })),
  );
}

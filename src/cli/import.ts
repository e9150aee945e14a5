import { parseArgs } from 'node:util';
import { ContentError } from '../core/errors.ts';
import { runCommand } from './run-command.ts';
import { loadForAuthoring } from '../authoring/load-for-authoring.ts';
import { nextSteps } from '../authoring/next-steps.ts';
import { validateChanges } from '../authoring/validate-changes.ts';
import { writeChanges } from '../authoring/write-changes.ts';
import { ComponentRegistry } from '../authoring/import/component-registry.ts';
import { importCstate, isKnownZone, readCstateConfig } from '../authoring/import/cstate.ts';
import { planImport } from '../authoring/import/imported-files.ts';
import type { ImportResult } from '../authoring/import/imported.ts';
import {
  readCstateIssues,
  readSourceText,
  readStatuspageExport,
} from '../authoring/import/read-sources.ts';
import { importStatuspage } from '../authoring/import/statuspage.ts';
import { CONFIG_FILE } from '../core/read-repository.ts';
import type { Io } from '../shared/io.ts';
import { currentTime } from '../shared/clock.ts';
import { UsageError } from '../core/errors.ts';

const USAGE =
  'npx candor import statuspage <incidents.json> [scheduled-maintenances.json ...]  or  npx candor import cstate <content/issues folder> [config.yml]';

/**
 * `npx candor import`: brings another status page's history into incidents/ and the components it
 * names into components.yaml. Everything is validated together before anything is written, and
 * whatever could not be mapped is listed.
 */
export async function runImport(argv: string[], io: Io): Promise<number> {
  return runCommand('import', io, USAGE, async () => {
    const { positionals } = parseArgs({
      args: argv,
      options: {},
      allowPositionals: true,
      strict: true,
    });
    const [source, ...paths] = positionals;
    if (source !== 'statuspage' && source !== 'cstate')
      throw new UsageError(
        `the first argument is "statuspage" or "cstate"${source ? `, not "${source}"` : ''}.`,
      );
    if (paths.length === 0)
      throw new UsageError(
        source === 'statuspage'
          ? 'give the exported incidents.json (and any scheduled-maintenances.json).'
          : 'give the cState content/issues folder, and its config.yml to bring its systems.',
      );
    if (source === 'cstate' && paths.length > 2)
      throw new UsageError('give one content/issues folder and at most one config.yml.');

    const now = currentTime(io.env);
    const { model, schemas } = await loadForAuthoring(io.cwd, now);
    const registry = new ComponentRegistry(model.components, model.groups);
    const results: ImportResult[] = [];
    if (source === 'statuspage') {
      for (const path of paths)
        results.push(importStatuspage(await readStatuspageExport(io.cwd, path), registry));
    } else {
      const [dir, config] = paths as [string, string | undefined];
      const site = config
        ? readCstateConfig(await readSourceText(io.cwd, config))
        : { systems: [] };
      if (site.timezone && !isKnownZone(site.timezone))
        throw new ContentError(
          `${config}: \`timeZone: ${site.timezone}\` is not an IANA time zone, so the issues' times cannot be read.\n    hint: Write a zone such as Europe/Berlin or America/New_York in ${config}, or leave \`timeZone\` out for UTC.`,
        );
      for (const system of site.systems)
        registry.idFor(system.name, {
          ...(system.category ? { group: system.category } : {}),
          ...(system.description ? { description: system.description } : {}),
        });
      results.push(importCstate(await readCstateIssues(io.cwd, dir), registry, site.timezone));
    }
    const incidents = results.flatMap((r) => r.incidents);
    const notes = results.flatMap((r) => r.notes);
    const plan = await planImport(io.cwd, model, incidents, registry, schemas);
    const { warnings } = await validateChanges(io.cwd, plan.changes, now);
    await writeChanges(io.cwd, plan.changes);

    const written = plan.changes.filter((c) => c.path !== CONFIG_FILE);
    const lines = [
      `Imported ${written.length} of ${incidents.length} ${source === 'statuspage' ? 'Statuspage incidents and maintenances' : 'cState issues'} into incidents/.`,
    ];
    if (registry.added.length > 0)
      lines.push(
        `Added to components.yaml: ${registry.added.map((c) => `${c.id} (${c.name})`).join(', ')}.`,
      );
    if (registry.addedGroups.length > 0)
      lines.push(
        `Added groups: ${registry.addedGroups.map((g) => `${g.id} (${g.name})`).join(', ')}.`,
      );
    const unmapped = [...plan.skipped, ...notes];
    if (unmapped.length > 0)
      lines.push('', 'Not mapped as it was (check these):', ...unmapped.map((n) => `  - ${n}`));
    if (plan.changes.length === 0) {
      io.stdout(lines.join('\n'));
      return 0;
    }
    io.stdout(
      nextSteps({
        done: lines.join('\n'),
        paths: [
          ...(registry.added.length > 0 || registry.addedGroups.length > 0 ? [CONFIG_FILE] : []),
          'incidents',
        ],
        commitMessage: `Import history from ${source === 'statuspage' ? 'Statuspage' : 'cState'}`,
        review:
          registry.added.length > 0
            ? 'Give the new components in components.yaml a group and a `since` date if you like; then run `npx candor build` to see the history.'
            : 'Run `npx candor build` to see the imported history.',
        warnings,
      }),
    );
    return 0;
  });
}

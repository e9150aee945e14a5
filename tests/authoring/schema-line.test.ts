import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNew } from '../../src/cli/new.ts';
import { captureIo, readRepoFile, REPO_ROOT, useTempRepo } from './temp-repo.ts';

/**
 * A new incident's `$schema` line leads the editor to the incident schema wherever the repository
 * keeps its schemas: where its own components.yaml's `$schema` line points (this repository:
 * `schemas/`; a repository written by `candor init`: the installed package's `schemas/`).
 */
const root = useTempRepo();

async function newIncidentSchema(): Promise<string> {
  const io = captureIo(root());
  const args = [
    'incident',
    'Slow API',
    '--impact',
    'minor',
    '--components',
    'api:degraded_performance',
  ];
  expect(await runNew(args, io)).toBe(0);
  const path = io.out.join('\n').match(/git add (\S+)/)![1]!;
  const line = (await readRepoFile(root(), path)).match(/\$schema=(\S+)/)![1]!;
  return resolve(dirname(join(root(), path)), line);
}

async function useSchemaLine(line: string | undefined): Promise<void> {
  const file = join(root(), 'components.yaml');
  const text = (await readFile(file, 'utf8')).replace(/^# yaml-language-server:.*\n/m, '');
  await writeFile(file, line === undefined ? text : `${line}\n${text}`);
}

describe('the $schema line of a new incident', () => {
  it('points into the installed package in a repository written by candor init', async () => {
    const starter = (await readFile(join(REPO_ROOT, 'starter/components.yaml'), 'utf8')).split(
      '\n',
    )[0]!;
    await useSchemaLine(starter);
    expect(await newIncidentSchema()).toBe(
      join(root(), 'node_modules/candor-status/schemas/incident.schema.json'),
    );
  });

  it('points at schemas/ in a repository that keeps them there, as this one does', async () => {
    await useSchemaLine('# yaml-language-server: $schema=./schemas/components.schema.json');
    const target = await newIncidentSchema();
    expect(target).toBe(join(root(), 'schemas/incident.schema.json'));
    // And in this repository the file is really there.
    expect(existsSync(join(REPO_ROOT, 'schemas/incident.schema.json'))).toBe(true);
  });

  it('points into the installed package when components.yaml names no schema', async () => {
    await useSchemaLine(undefined);
    expect(await newIncidentSchema()).toBe(
      join(root(), 'node_modules/candor-status/schemas/incident.schema.json'),
    );
  });
});

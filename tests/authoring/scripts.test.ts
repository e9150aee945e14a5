import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lifecycleAt } from '../../src/core/status.ts';
import { CANDOR_BIN } from '../candor-bin.ts';
import { loadRepo, makeRepo, NOW, removeRepo, REPO_ROOT } from './temp-repo.ts';

const run = promisify(execFile);

/** Runs `candor <name>` as a user would, in `cwd`, and returns its exit code and output. */
async function script(name: string, args: string[], cwd: string, now = NOW) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CANDOR_BIN, name, ...args], {
      cwd,
      env: { ...process.env, CANDOR_NOW: now },
    });
    return { code: 0, stdout, stderr };
  } catch (cause) {
    const failed = cause as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let root: string;
beforeAll(async () => {
  root = await makeRepo();
});
afterAll(() => removeRepo(root));

describe('the authoring scripts as commands', () => {
  it('answer a wrong argument with one line on stderr and exit 2, never a stack trace', async () => {
    const results = await Promise.all([
      script('new', ['outage', 'x'], root),
      script('update', ['nothing-here'], root),
      script('resolve', [], root),
      script('postmortem', ['a', 'b'], root),
      script('import', ['pagerduty', 'x.json'], root),
    ]);
    for (const result of results) {
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^candor (new|update|resolve|postmortem|import): [^\n]+\n$/);
    }
  });

  it('write a new incident and import history into a real repository', async () => {
    const created = await script(
      'new',
      [
        'incident',
        'Queue backlog',
        '--impact',
        'minor',
        '--components',
        'webhooks:degraded_performance',
      ],
      root,
    );
    expect(created.stdout).toContain('Created incidents/2026/2026-11-23-queue-backlog.md');
    const imported = await script(
      'import',
      [
        'statuspage',
        join(
          REPO_ROOT,
          'tests',
          'fixtures',
          'statuspage-v2',
          'incidents.real-githubstatus-2024.json',
        ),
      ],
      root,
    );
    expect(imported.stdout).toContain(
      'Imported 1 of 1 Statuspage incidents and maintenances into incidents/.',
    );

    const { model, diagnostics } = await loadRepo(root);
    expect(diagnostics.filter((d) => d.code !== 'placeholder-left')).toEqual([]);
    expect(
      lifecycleAt(
        model!.incidents.find((i) => i.id === '2026-11-23-queue-backlog')!,
        new Date(NOW),
      ),
    ).toBe('investigating');
    expect(model!.incidents.map((i) => i.title)).toContain('Incident with Pages and Actions');
  });
});

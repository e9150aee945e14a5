import { CANDOR_BIN } from '../candor-bin.ts';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../browser/static-server.ts';
import { buildSite } from '../support/built-sites.ts';
import { COMPONENTS, MAINTENANCE, tempRepo } from './fixture.ts';
import { Receiver } from './receiver.ts';

let receiver: Receiver;
let repo: Awaited<ReturnType<typeof tempRepo>>;
/** The page as built at 01:59:30 (maintenance still "Scheduled") and at 02:00:30 ("In progress"). */
let early: string;
let late: string;
beforeAll(async () => {
  receiver = await new Receiver().start();
  repo = await tempRepo({
    'components.yaml': COMPONENTS,
    'incidents/2026-12-05-database-upgrade.md': MAINTENANCE,
    'notify.yaml': 'channels:\n  - { id: hook, type: webhook, url_env: HOOK_URL }\n',
  });
  // Builds take long on a busy machine: made here, under the hook timeout.
  early = await buildSite(repo.dir, { now: '2026-12-05T01:59:30Z' });
  late = await buildSite(repo.dir, { now: '2026-12-05T02:00:30Z' });
});
afterAll(async () => {
  await receiver.stop();
  await repo.remove();
});

function notify(
  now: string,
  args: string[] = [],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CANDOR_BIN, 'notify', ...args],
      { cwd: repo.dir, env: { ...process.env, CANDOR_NOW: now, HOOK_URL: receiver.url('/hook') } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
const kinds = () => receiver.on('/hook').map((r) => (r.json as { type: string }).type);

describe('notices never ahead of the deployed page', () => {
  it(
    'plans with the clock of the deployed build: a maintenance that starts after the build waits for the next build',
    { timeout: 180_000 },
    async () => {
      expect((await notify('2026-12-05T01:00:00Z')).code).toBe(0); // first run: history recorded, nothing sent

      // The page was built at 01:59:30 and still says "Scheduled"; notify runs at 02:01:30.
      expect(JSON.parse(await readFile(join(early, 'candor-build.json'), 'utf8'))).toEqual({
        built_at: '2026-12-05T01:59:30.000Z',
        audience: 'public',
      });
      const ahead = await notify('2026-12-05T02:01:30Z', ['--deployed', early]);
      expect(ahead.code).toBe(0);
      expect(ahead.stdout).toContain(
        'Planning with the clock of the deployed build: 2026-12-05T01:59:30.000Z',
      );
      expect(kinds()).toEqual([]);

      // The next build, at 02:00:30, shows "In progress": now the notice goes out, read from the live site.
      const site = await serveStatic(late, '/status/');
      try {
        const caught = await notify('2026-12-05T02:01:30Z', [
          '--deployed',
          `${site.origin}/status/`,
        ]);
        expect(caught.code).toBe(0);
        expect(kinds()).toEqual(['maintenance.started']);
      } finally {
        await site.close();
      }
    },
  );

  it('refuses clearly when the deployed build cannot be read, and sends nothing', async () => {
    const missing = await notify('2026-12-05T02:01:30Z', [
      '--deployed',
      join(repo.dir, 'no-such-build'),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /^candor notify: There is no .*no-such-build: point --deployed at the folder the site was built into/m,
    );
    expect(missing.stderr).toContain('No notice was sent');
  });
});

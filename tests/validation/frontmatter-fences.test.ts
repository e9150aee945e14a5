import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/core/load-repository.ts';
import { readRepository } from '../../src/core/read-repository.ts';
import { runCheck } from '../cli/run-check.ts';
import { tempRepositories, VALID_CONFIG } from './temp-repository.ts';

const repositories = tempRepositories();
afterAll(() => repositories.cleanup());

/** Front-matter engines that honour a language tag would run this, and it would leave a file behind. */
function payload(marker: string): string {
  const write = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`;
  return `module.exports = (() => { ${write}; return { title: 'x', impact: 'minor' }; })()\n${write}\n`;
}

describe('a frontmatter fence naming a language', () => {
  it('has a payload that does write its file when run as code (the control for the tests below)', async () => {
    const root = await repositories.create({});
    const marker = join(root, 'ran.txt');
    execFileSync(process.execPath, ['--input-type=commonjs', '-e', payload(marker)]);
    expect(existsSync(marker)).toBe(true);
  });

  it.each([
    ['---js', 4],
    ['---javascript', 4],
    ['---JS', 4],
    ['--- js', 5],
    ['---coffee', 4],
  ])('%s is refused with a clear error and its code never runs', async (fence, column) => {
    const root = await repositories.create({ 'components.yaml': await readFile(VALID_CONFIG) });
    const marker = join(root, 'ran.txt');
    const file = 'incidents/2026-11-20-payload.md';
    const text = `${fence}\n${payload(marker)}---\nSummary.\n\n## 2026-11-20 14:03 UTC · Investigating\nx\n`;
    await repositories.write(root, { [file]: text });

    const { diagnostics } = loadRepository(await readRepository(root), {
      now: new Date('2026-11-23T12:00:00Z'),
    });
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file,
        line: 1,
        column,
        code: 'frontmatter-language',
        severity: 'error',
        message: expect.stringContaining('never runs code'),
      }),
    ]);

    // The real command, in its own process, as CI would run it.
    const result = await runCheck(root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `${file}:1:${column} error Frontmatter fences may not name a language`,
    );
    expect(result.stderr).toBe('');
    expect(existsSync(marker)).toBe(false);
  });
});

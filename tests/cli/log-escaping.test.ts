import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { tempRepositories, VALID_CONFIG } from '../validation/temp-repository.ts';
import { runCheck } from './run-check.ts';

const repositories = tempRepositories();
afterAll(() => repositories.cleanup());

/** File names a contributor can commit: line breaks, escape sequences and workflow commands in them. */
const HOSTILE_NAMES = [
  'a\n::error file=x.md::forged.md',
  'b\r::warning::forged.md',
  '\u001b[2J\u001b[31mred.md',
  'c\u0085::notice::next-line.md',
  'd\u2028::error::separator.md',
];

describe('user content in logs', () => {
  it('cannot start a forged workflow command or send terminal escapes in check output', async () => {
    const incident =
      '---\ntitle: x\nimpact: minor\ncomponents:\n  api: major_outage\n---\nS.\n\n## 2026-11-20 10:00 UTC · Investigating\nx\n';
    const root = await repositories.create({
      'components.yaml': await readFile(VALID_CONFIG),
      ...Object.fromEntries(HOSTILE_NAMES.map((name) => [`incidents/${name}`, incident])),
    });
    for (const format of [[], ['--format', 'github']]) {
      const { code, stdout, stderr } = await runCheck(root, format);
      expect(code).toBe(1);
      const output = stdout + stderr;
      for (const line of output.split('\n')) {
        expect(line.startsWith('::') && !line.startsWith('::error file=incidents/')).toBe(false);
      }
      // eslint-disable-next-line no-control-regex
      expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
      expect(output).toContain('file name');
    }
  });
});

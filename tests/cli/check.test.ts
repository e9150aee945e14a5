import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempRepositories, VALID_CONFIG } from '../validation/temp-repository.ts';
import { CANDOR_BIN } from '../candor-bin.ts';
import { runCheck, runCheckProcess, type CliResult } from './run-check.ts';

const repositories = tempRepositories();
afterAll(() => repositories.cleanup());

let config: Buffer;
beforeAll(async () => {
  config = await readFile(VALID_CONFIG);
});

const RESOLVED =
  '## 2026-11-20 14:03 UTC · Investigating\nLooking.\n\n## 2026-11-20 15:00 UTC · Resolved\nFixed.\n';
/** An open incident without components: valid, but warned about. */
const WARNED =
  '---\ntitle: Slow\nimpact: minor\n---\n## 2026-11-23 10:00 UTC · Investigating\nLooking.\n';
const ERRORED = `---\ntitle: Errors\nimpact: majr\ncomponents:\n  api: partial_outage\n---\n${RESOLVED}`;

/** A stack trace has lines such as "    at loadIncident (file:///...)". */
function expectNoStackTrace(result: CliResult) {
  expect(`${result.stdout}\n${result.stderr}`).not.toMatch(/^\s+at .+[(:]/m);
  expect(result.stderr).not.toMatch(/Error:|node:internal/);
}

describe('npm run check, pretty', () => {
  it('prints file:line:col, severity, message and code, then the hint, then a summary, and exits 1 on errors', async () => {
    const root = await repositories.create({
      'components.yaml': config,
      'incidents/errors.md': ERRORED,
      'incidents/warned.md': WARNED,
    });
    // The bin itself: exit code 1 and the streams it writes to.
    const result = await runCheckProcess(root);
    expect(result).toEqual({
      code: 1,
      stderr: '',
      stdout: [
        'incidents/errors.md:3:9 error "majr" is not a valid value for `impact`; it must be one of none, minor, major, critical. [invalid-value]',
        '    hint: Did you mean `major`?',
        'incidents/warned.md:2:1 warning This open incident names no affected component, so the page shows everything as operational. [no-components]',
        '    hint: List the affected components under `components:` with their status, e.g. `api: partial_outage`.',
        '1 error, 1 warning in 3 files checked.',
        '',
      ].join('\n'),
    });
  });

  it('exits 0 when there are only warnings', async () => {
    const root = await repositories.create({
      'components.yaml': config,
      'incidents/warned.md': WARNED,
    });
    const result = await runCheck(root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('incidents/warned.md:2:1 warning');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(
      '0 errors, 1 warning in 2 files checked.',
    );
  });

  it('prints only the summary for a clean repository', async () => {
    const root = await repositories.create({
      'components.yaml': config,
      'incidents/fine.md': `---\ntitle: Fine\nimpact: minor\ncomponents:\n  api: partial_outage\n---\n${RESOLVED}`,
    });
    expect(await runCheckProcess(root)).toEqual({
      code: 0,
      stdout: '0 errors, 0 warnings in 2 files checked.\n',
      stderr: '',
    });
  });

  it('reports a missing components.yaml as an error, not a crash', async () => {
    const root = await repositories.create({ 'incidents/warned.md': WARNED });
    const result = await runCheck(root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'components.yaml:1:1 error components.yaml is missing. [missing-file]',
    );
    expectNoStackTrace(result);
  });
});

describe('npm run check -- --format github', () => {
  it('prints one workflow command per diagnostic, escaping %, newlines, and : and , in properties', async () => {
    // The file name holds ":" and "," (and so is no valid id); the unknown key holds "%".
    const incident = `---\ntitle: Errors\nimpact: minor\nload%: high\ncomponents:\n  api: partial_outage\n---\n${RESOLVED}`;
    const root = await repositories.create({
      'components.yaml': config,
      'incidents/a,b:c.md': incident,
    });
    const result = await runCheck(root, ['--format', 'github']);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      // In the message ":" and "," stay as they are; only properties escape them.
      '::error file=incidents/a%2Cb%3Ac.md,line=1,col=1,title=Candor%3A file-name::The file name "a,b:c" cannot be used as an id (it appears in URLs).' +
        '%0ARename the file to lower-case letters, digits and "-" (e.g. `a-b-c.md`), or set `id:` in the frontmatter.',
      '::error file=incidents/a%2Cb%3Ac.md,line=4,col=1,title=Candor%3A unknown-key::Unknown key "load%25".%0AUse one of the keys: ' +
        '`id`, `title`, `kind`, `impact`, `components`, `started`, `scheduled_for`, `scheduled_until`, `eta`, `next_update`, `workaround`, `contact`, ….',
      '2 errors, 0 warnings in 2 files checked.',
    ]);
  });

  it('marks warnings as ::warning', async () => {
    const root = await repositories.create({
      'components.yaml': config,
      'incidents/warned.md': WARNED,
    });
    const result = await runCheck(root, ['--format=github']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^::warning file=incidents\/warned\.md,line=2,col=1,title=Candor%3A no-components::This open incident/m,
    );
  });
});

describe('npm run check -- --format json', () => {
  it('prints the diagnostics as parseable JSON and nothing else', async () => {
    const root = await repositories.create({
      'components.yaml': config,
      'incidents/errors.md': ERRORED,
      'incidents/warned.md': WARNED,
    });
    const result = await runCheck(root, ['--format', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({
        file: 'incidents/errors.md',
        line: 3,
        column: 9,
        severity: 'error',
        code: 'invalid-value',
        hint: 'Did you mean `major`?',
      }),
      expect.objectContaining({
        file: 'incidents/warned.md',
        line: 2,
        column: 1,
        severity: 'warning',
        code: 'no-components',
      }),
    ]);
  });

  it('prints an empty list for a clean repository', async () => {
    const root = await repositories.create({ 'components.yaml': config });
    expect(await runCheck(root, ['--format', 'json'])).toEqual({
      code: 0,
      stdout: '[]\n',
      stderr: '',
    });
  });
});

describe('misuse', () => {
  it.each([
    [['--format', 'xml'], 'candor check: --format must be pretty, github or json, not "xml".'],
    [['--frmat', 'json'], "candor check: Unknown option '--frmat'"],
  ])('%j exits 2 with one line on stderr', async (args, line) => {
    const root = await repositories.create({ 'components.yaml': config });
    const result = await runCheckProcess(root, args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toContain(line);
    expectNoStackTrace(result);
  });

  it('reports a file it cannot read as an error on that file, with what to do', async () => {
    const root = await repositories.create({ 'components.yaml/not-a-file.txt': '' });
    const result = await runCheck(root);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(
      /^components\.yaml:1:1 error components\.yaml is a folder, not a file\. \[unreadable-file\]\n {4}hint: .*git rm -r components\.yaml/,
    );
  });

  // A time without a zone would mean different instants on different machines.
  it.each(['tomorrow', '2026-11-23T12:00:00'])(
    'refuses CANDOR_NOW=%s with one line',
    async (value) => {
      const root = await repositories.create({ 'components.yaml': config });
      const result = await runCheck(root, [], { CANDOR_NOW: value });
      expect(result).toEqual({
        code: 2,
        stdout: '',
        stderr: `candor check: CANDOR_NOW="${value}" is not an ISO time such as 2026-11-22T14:03:00Z.\n`,
      });
    },
  );
});

describe('a reader that closes the pipe early (npm run check | head)', () => {
  it('ends the command quietly with its exit code, without a stack trace', async () => {
    const files: Record<string, string | Buffer> = { 'components.yaml': config };
    // Far more output than a pipe buffers, so writing goes on after the reader has gone.
    for (let i = 0; i < 300; i++) files[`incidents/bad-${i}.md`] = ERRORED;
    const root = await repositories.create(files);
    const child = spawn(process.execPath, [CANDOR_BIN, 'check'], {
      cwd: root,
      env: { ...process.env, CANDOR_NOW: '2026-11-23T12:00:00Z' },
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lifecycleAt } from '../../src/core/status.ts';
import { CANDOR_BIN } from '../candor-bin.ts';
import { loadRepo, NOW, readRepoFile, useTempRepo, writeRepoFile } from './temp-repo.ts';

const root = useTempRepo();

/** Reads a child's output as it comes, so a test can wait for a prompt before it answers. */
function session(child: ChildProcess) {
  let output = '';
  let seen = 0;
  let exit: number | null | undefined;
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    wake();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    wake();
  });
  child.on('exit', (code) => {
    exit = code;
    wake();
  });
  return {
    get output() {
      return output;
    },
    /** Resolves once `text` appears after what was already waited for; fails if the process ends first. */
    async waitFor(text: string): Promise<void> {
      for (;;) {
        const at = output.indexOf(text, seen);
        if (at >= 0) {
          seen = at + text.length;
          return;
        }
        if (exit !== undefined)
          throw new Error(`exited (${exit}) before printing ${JSON.stringify(text)}:\n${output}`);
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    async exited(): Promise<number | null> {
      while (exit === undefined) await new Promise<void>((resolve) => waiters.push(resolve));
      return exit;
    },
  };
}

const env = { ...process.env, CANDOR_NOW: NOW, TERM: 'xterm-256color' };

/** `candor <args>` in the test's repository under a real pseudo-terminal: script(1) (util-linux, on every Debian) gives it one. */
function onTerminal(args: string) {
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CANDOR_BIN)} ${args}`;
  return spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
    cwd: root(),
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

describe('npm run new on a terminal', () => {
  it('asks for title, impact (showing the team severity words), components and statuses, then writes a valid file', async () => {
    const child = onTerminal('new');
    const s = session(child);
    const answer = async (prompt: string, text: string) => {
      await s.waitFor(prompt);
      child.stdin!.write(`${text}\r`);
    };
    await answer('Incident or maintenance [incident]: ', '');
    await answer('Title', 'Login page is slow');
    await s.waitFor('3. major    A feature is unavailable or failing for many users.');
    await answer('Impact (a number or a name) [minor]: ', 'majr');
    await s.waitFor('is not one of the choices. Did you mean `major`?');
    // Only the numbers shown are answers: 7 and 0 are refused, not read as some level.
    await answer('Impact (a number or a name) [minor]: ', '7');
    await s.waitFor('"7" is not in the list: answer 1 to 4, or a name.');
    await answer('Impact (a number or a name) [minor]: ', '0');
    await s.waitFor('"0" is not in the list: answer 1 to 4, or a name.');
    await answer('Impact (a number or a name) [minor]: ', '3');
    await s.waitFor('1. api              REST API');
    await answer('Affected components', '3, dashboard');
    await answer('Status of Sign-in and SSO [partial_outage]: ', '3');
    await answer('Status of Dashboard [partial_outage]: ', '');
    await answer('What can users do meanwhile? (Enter to skip): ', 'Sign in with email instead.');
    await answer('Next update', '');
    await s.waitFor('Created incidents/2026/2026-11-23-login-page-is-slow.md');
    expect(await s.exited()).toBe(0);

    const text = await readRepoFile(root(), 'incidents/2026/2026-11-23-login-page-is-slow.md');
    expect(text).toContain(
      'title: Login page is slow\nimpact: major\ncomponents:\n  auth: major_outage\n  dashboard: partial_outage\nnext_update: 2026-11-23 12:30 UTC\nworkaround: Sign in with email instead.\n---\n',
    );
    // What is affected, what we do, what users can do and when we next write: each its own paragraph.
    expect(text).toContain(
      '## 2026-11-23 12:00 UTC · Investigating\nSign-in and SSO and Dashboard: [[what users see, e.g. "errors or slower responses for some requests"]].\n\nWe are investigating.\n\nWhat you can do: Sign in with email instead.\n\nNext update by 12:30 UTC.\n',
    );
    const { model, diagnostics } = await loadRepo(root());
    expect(diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual([
      '11 placeholder-left',
      '18 placeholder-left',
    ]);
    expect(lifecycleAt(model!.incidents[0]!, new Date(NOW))).toBe('investigating');
  });

  it('ends on Ctrl-D without writing anything', async () => {
    const child = onTerminal('new');
    const s = session(child);
    await s.waitFor('Incident or maintenance [incident]: ');
    child.stdin!.write('\x04');
    await s.waitFor('candor new: cancelled: nothing was written.');
    expect(await s.exited()).toBe(1);
    expect((await loadRepo(root())).model!.incidents).toEqual([]);
  });
});

describe('npm run resolve on a terminal', () => {
  it('offers to rewrite a summary that still reads as ongoing, and writes the answer', async () => {
    await writeRepoFile(
      root(),
      'incidents/slow.md',
      '---\ntitle: Slow dashboard\nimpact: minor\ncomponents:\n  dashboard: degraded_performance\n---\nWe are investigating slow dashboard pages.\n\n## 2026-11-23 11:00 UTC · Investigating\nLooking into it.\n',
    );
    const child = onTerminal('resolve slow Fixed.');
    const s = session(child);
    await s.waitFor('The summary still says "We are investigating":');
    await s.waitFor('A summary for readers now that it is over (Enter keeps it): ');
    child.stdin!.write('Dashboard pages were slow for an hour.\r');
    await s.waitFor('it is now Resolved');
    expect(await s.exited()).toBe(0);
    expect(s.output).not.toContain('summary-ongoing');
    expect(await readRepoFile(root(), 'incidents/slow.md')).toContain(
      '---\nDashboard pages were slow for an hour.\n\n## 2026-11-23 11:00 UTC · Investigating',
    );
    expect((await loadRepo(root())).diagnostics).toEqual([]);
  });
});

describe('npm run new without a terminal', () => {
  it('never waits for input: with stdin open and no arguments it exits 2 at once with what to type', async () => {
    const child = spawn(process.execPath, [CANDOR_BIN, 'new'], {
      cwd: root(),
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const s = session(child);
    // stdin stays open: a command that waited for it would never exit.
    expect(await s.exited()).toBe(2);
    expect(s.output).toBe(
      'candor new: there is no terminal to ask on: give the incident on the command line, e.g. npx candor new incident "Elevated API error rates" --impact major --components api:partial_outage\n',
    );
    child.stdin!.end();
  });
});

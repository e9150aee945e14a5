import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateRepository } from '../../src/cli/validate.ts';
import { jsonSchemas } from '../../src/cli/json-schemas.ts';
import { loadNotifyConfig } from '../../src/notify/load-config.ts';
import { NOW, STANDARD_FILES, tempRepo } from './fixture.ts';

const COMPONENT_IDS = ['api', 'dashboard', 'database'];
const load = (text: string) =>
  loadNotifyConfig({ path: 'notify.yaml', bytes: new TextEncoder().encode(text) }, COMPONENT_IDS);
const brief = (text: string) =>
  load(text).diagnostics.map(
    (d) => `${d.line}:${d.column} ${d.code} ${d.message} | ${d.hint ?? ''}`,
  );

describe('notify.yaml', () => {
  it('the example at the repository root is valid, with defaults filled in', async () => {
    const { config, diagnostics } = loadNotifyConfig(
      {
        path: 'notify.yaml',
        bytes: await readFile(new URL('../fixtures/example-page/notify.yaml', import.meta.url)),
      },
      ['database', 'storage'],
    );
    expect(diagnostics).toEqual([]);
    expect(config!.channels.map((c) => [c.id, c.type, c.audience])).toEqual([
      ['slack-status', 'slack', 'public'],
      ['discord-major', 'discord', 'public'],
      ['teams-data', 'teams', 'public'],
      ['ops-webhook', 'webhook', 'internal'],
      ['statuspage-compat', 'webhook', 'public'],
    ]);
    expect(config!.delivery).toEqual({
      timeout_seconds: 10,
      attempts: 4,
      backoff_seconds: 1,
      max_backoff_seconds: 30,
      concurrency: 4,
    });
  });

  it('points at the line of each mistake and says what to write instead', () => {
    expect(brief('channels:\n  - id: ops\n    type: slak\n    url_env: OPS_URL\n')).toEqual([
      '3:11 invalid-value "slak" is not a valid value for `channels[0].type`; it must be one of slack, discord, teams, webhook, email. | Did you mean `slack`?',
    ]);
    expect(
      brief(`channels:
  - { id: a, type: slack, url_env: A_URL, secret_env: A_SECRET, components: [apii] }
  - { id: a, type: webhook, url_env: B_URL }
`),
    ).toEqual([
      '2:43 webhook-only `secret_env` only applies to channels of type webhook, not slack. | Remove `secret_env` from this channel.',
      '2:78 unknown-component There is no component "apii" in components.yaml. | Did you mean `api`?',
      '3:11 duplicate-id The channel id "a" is already used on line 2. | Give each channel its own id: the ledger remembers what was sent to each id.',
    ]);
    expect(brief('')).toEqual([
      '1:1 empty-file notify.yaml is empty. | Declare `channels:` (see docs/notices.md), or delete the file to send no notices.',
    ]);
    expect(brief('channels: [\n')[0]).toMatch(/^2:1 yaml-syntax /);
  });

  it('refuses a secret written into the file, without repeating it', () => {
    const [diagnostic] = load(
      'channels:\n  - id: s\n    type: slack\n    url_env: https://hooks.slack.com/services/T0/B0/XyZsecret\n',
    ).diagnostics;
    expect(diagnostic).toMatchObject({ line: 4, column: 14, code: 'secret-in-config' });
    expect(JSON.stringify(diagnostic)).not.toContain('XyZsecret');
    expect(diagnostic!.hint).toMatch(/rotate it/);
  });

  it('is checked with the rest of the repository by npm run check', async () => {
    const repo = await tempRepo({
      ...STANDARD_FILES,
      'notify.yaml': 'channels:\n  - { id: x, type: teams, url_env: T, components: [nope] }\n',
    });
    try {
      const { diagnostics, fileCount } = await validateRepository(repo.dir, NOW);
      expect(diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([
        'notify.yaml:2 unknown-component',
      ]);
      expect(fileCount).toBe(6);
    } finally {
      await repo.remove();
    }
  });
});

describe('schemas/notify.schema.json', () => {
  it('is what editors check notify.yaml with: the example points at it and validates, mistakes do not', async () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    const validate = ajv.compile(jsonSchemas()['notify.schema.json']!);
    const text = await readFile(
      new URL('../fixtures/example-page/notify.yaml', import.meta.url),
      'utf8',
    );
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\/schemas\/notify\.schema\.json$/m);
    expect(
      validate(parse(text, { schema: 'core', version: '1.2' })),
      JSON.stringify(validate.errors),
    ).toBe(true);
    const channel = { id: 'a', type: 'slack', url_env: 'A_URL' };
    expect(validate({ channels: [channel] })).toBe(true);
    expect(validate({ channels: [{ ...channel, type: 'slak' }] })).toBe(false);
    expect(
      validate({ channels: [{ ...channel, url_env: 'https://hooks.slack.com/services/x' }] }),
    ).toBe(false);
    expect(validate({ channels: [{ ...channel, colour: 'red' }] })).toBe(false);
  });
});

describe('notify.yaml with several mistakes', () => {
  it('reports the rules that span channels even when a channel has the wrong shape', () => {
    expect(
      brief(
        'channels:\n  - { id: a, type: slak, url_env: A, components: [apii] }\n  - { id: a, type: slack, url_env: B, format: statuspage }\n',
      ),
    ).toEqual([
      '2:20 invalid-value "slak" is not a valid value for `channels[0].type`; it must be one of slack, discord, teams, webhook, email. | Did you mean `slack`?',
      '2:51 unknown-component There is no component "apii" in components.yaml. | Did you mean `api`?',
      '3:11 duplicate-id The channel id "a" is already used on line 2. | Give each channel its own id: the ledger remembers what was sent to each id.',
      '3:39 webhook-only `format` only applies to channels of type webhook, not slack. | Remove `format` from this channel.',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { loadNotifyConfig } from '../../load-config.ts';

const load = (text: string) =>
  loadNotifyConfig({ path: 'notify.yaml', bytes: new TextEncoder().encode(text) }, ['api']);
const brief = (text: string) =>
  load(text).diagnostics.map(
    (d) => `${d.line}:${d.column} ${d.code} ${d.message} | ${d.hint ?? ''}`,
  );

describe('an email channel in notify.yaml', () => {
  it('is accepted with a server, a sender and recipients from a variable or a file', () => {
    const { config, diagnostics } = load(`channels:
  - { id: list, type: email, smtp_url_env: SMTP_URL, from: "Acme status <status@acme.dev>", to_env: STATUS_MAIL_TO, unsubscribe_url: "mailto:leave@acme.dev", min_impact: major }
  - { id: team, type: email, smtp_url_env: SMTP_URL, from: status@acme.dev, to_file: notify/recipients.txt, subject_tag: Acme }
`);
    expect(diagnostics).toEqual([]);
    expect(config!.channels.map((c) => [c.id, c.type, c.to_env ?? c.to_file])).toEqual([
      ['list', 'email', 'STATUS_MAIL_TO'],
      ['team', 'email', 'notify/recipients.txt'],
    ]);
  });

  it('names each missing or misplaced key on its line, with what to write', () => {
    expect(
      brief(`channels:
  - id: list
    type: email
    url_env: SMTP_URL
  - { id: both, type: email, smtp_url_env: SMTP_URL, from: s@acme.dev, to_env: TO, to_file: to.txt }
  - { id: chat, type: slack, url_env: SLACK_URL, from: s@acme.dev }
  - { id: bare, type: discord }
`),
    ).toEqual([
      '2:5 missing-key An email channel needs `smtp_url_env`. | Add `smtp_url_env: SMTP_URL` and store smtps://USER:PASSWORD@HOST:465 in that secret.',
      '2:5 missing-key An email channel needs `from`. | Add `from: "Acme status <status@acme.dev>"`, an address the SMTP server lets you send as.',
      '2:5 missing-key An email channel needs `to_env`. | Add `to_env: STATUS_MAIL_TO` (a variable holding the addresses, separated by commas) or `to_file: notify/recipients.txt`.',
      '4:5 not-for-email `url_env` is for webhooks; an email channel names its SMTP server in `smtp_url_env`. | Rename `url_env` to `smtp_url_env`.',
      '5:84 conflicting-keys An email channel takes its recipients from `to_env` or from `to_file`, not both. | Keep one of them.',
      '6:50 email-only `from` only applies to channels of type email, not slack. | Remove `from` from this channel.',
      '7:5 missing-key A discord channel needs `url_env`. | Add `url_env: NAME`, the environment variable that holds the webhook URL.',
    ]);
  });

  it('refuses a secret pasted in place of a variable name, a recipient file outside the repository, and a bad sender', () => {
    const messages = brief(`channels:
  - { id: a, type: email, smtp_url_env: "smtps://me:pw@smtp.acme.dev", from: status, to_file: ../secrets.txt }
  - { id: b, type: email, smtp_url_env: SMTP_URL, from: s@acme.dev, to_file: /etc/passwd }
`).join('\n');
    expect(messages).toContain('this is a secret itself');
    expect(messages).toMatch(/from.*must be an address/);
    expect(
      messages.match(/must be a path relative to the repository root that stays inside it/g),
    ).toHaveLength(2);
    expect(messages).not.toContain('me:pw');
  });
});

import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runNotify } from '../../../cli/notify.ts';
import { noticePreviews } from '../../../github/notice-previews.ts';
import { loadModel, NOW, tempRepo } from '../../../../tests/notify/fixture.ts';
import { notifyConfigSchema, type NotifyConfig } from '../../config-schema.ts';
import { FileLedger } from '../../file-ledger.ts';
import { runNotices, type RunReport } from '../../run.ts';
import { SmtpSink, type ReceivedMail } from './smtp-sink.ts';

const COMPONENTS = `page: { name: Acme Cloud, url: https://status.acme.test/, timezone: UTC, contact: support@acme.test }
components:
  - { id: api, name: REST API }
  - { id: dashboard, name: Dashboard }
severity:
  major: Many customers cannot use a core feature.
`;

const CREATED = `---
title: Elevated API error rates
impact: major
components:
  api: partial_outage
next_update: 2026-11-23 16:00 UTC
workaround: Retry with **backoff**.
---
About one in five API requests fail for customers in Europe.

## 2026-11-23 09:12 UTC · Investigating
We are seeing elevated errors on the API. ![graph](https://cdn.example.test/graph.png)

<script>alert(1)</script>
`;
const UPDATED = `${CREATED}
## 2026-11-23 10:25 UTC · Identified
A bad deploy; we are rolling it back. See [the runbook](https://runbooks.acme.test/api).
`;
const RESOLVED = `${UPDATED}
## 2026-11-23 11:00 UTC · Resolved
Error rates are back to normal.
`;
const POSTMORTEM = `${RESOLVED}
## Postmortem
A configuration change removed a cache. We now test that change in staging.
`;

const PASSWORD = 'p4ss-w0rd-secret';
const PEOPLE = ['ana@acme.test', 'ben@acme.test', 'chloe@partner.test'];

let sink: SmtpSink;
let repo: Awaited<ReturnType<typeof tempRepo>>;
let env: Record<string, string>;
beforeEach(async () => {
  sink = await new SmtpSink({ user: 'status@acme.test', password: PASSWORD }).start();
  repo = await tempRepo({
    'components.yaml': COMPONENTS,
    'incidents/2026-11-23-api-errors.md': CREATED,
  });
  env = {
    SMTP_URL: sink.url(`status%40acme.test:${PASSWORD}`),
    STATUS_MAIL_TO: 'status-announce@lists.acme.test',
  };
});
afterEach(async () => {
  await sink.stop();
  await repo.remove();
});

const CHANNEL = {
  id: 'mail',
  type: 'email',
  smtp_url_env: 'SMTP_URL',
  from: 'Acme status <status@acme.test>',
  to_env: 'STATUS_MAIL_TO',
  unsubscribe_url: 'https://lists.acme.test/unsubscribe',
};
const config = (channel: object = {}): NotifyConfig =>
  notifyConfigSchema.parse({
    channels: [{ ...CHANNEL, ...channel }],
    delivery: { attempts: 3, backoff_seconds: 0.01, timeout_seconds: 5 },
  });

/** A ledger that already knows the channel, so the first run sends instead of bootstrapping. */
async function knownLedger(): Promise<FileLedger> {
  const ledger = new FileLedger(join(repo.dir, '.candor', 'ledger.json'));
  await ledger.record('mail', []);
  return ledger;
}
async function run(
  ledger: FileLedger,
  cfg = config(),
  log?: (line: string) => void,
): Promise<RunReport> {
  return runNotices({
    model: await loadModel(repo.dir, NOW),
    config: cfg,
    ledger,
    now: NOW,
    env,
    root: repo.dir,
    ...(log ? { log } : {}),
  });
}
const header = (mail: ReceivedMail, name: string) => mail.parsed.headers.get(name);
const headerLine = (mail: ReceivedMail, key: string) =>
  mail.parsed.headerLines.find((h) => h.key === key)?.line;
const references = (mail: ReceivedMail) => [mail.parsed.references ?? []].flat();

describe('email notices', () => {
  it('created, updated, resolved and postmortem arrive as one thread, each with a text and an HTML part', async () => {
    const ledger = await knownLedger();
    for (const text of [CREATED, UPDATED, RESOLVED, POSTMORTEM]) {
      await repo.write('incidents/2026-11-23-api-errors.md', text);
      const report = await run(ledger);
      expect(report.ok, JSON.stringify(report.channels)).toBe(true);
    }
    // A later run sends nothing again: the ledger recorded every mail.
    await run(ledger);
    const mails = sink.mails;
    expect(mails.map((m) => m.parsed.text?.split('\n')[0])).toEqual([
      'Investigating · Elevated API error rates',
      'Identified · Elevated API error rates',
      'Resolved · Elevated API error rates',
      'Postmortem · Elevated API error rates',
    ]);
    const [first, ...replies] = mails as [ReceivedMail, ...ReceivedMail[]];
    const ids = mails.map((m) => m.parsed.messageId);
    expect(new Set(ids).size).toBe(4);
    expect(first.parsed.inReplyTo).toBeUndefined();
    for (const reply of replies) {
      expect(reply.parsed.inReplyTo).toBe(first.parsed.messageId);
      expect(references(reply)).toEqual([first.parsed.messageId]);
    }
    expect(mails.map((m) => m.parsed.subject?.replace(/^Re: /, ''))).toEqual(
      Array(4).fill('[Acme Cloud status] Elevated API error rates'),
    );
    for (const mail of mails) {
      expect(mail.parsed.from?.value).toEqual([
        { name: 'Acme status', address: 'status@acme.test' },
      ]);
      expect(mail.parsed.to && !Array.isArray(mail.parsed.to) ? mail.parsed.to.text : '').toBe(
        'status-announce@lists.acme.test',
      );
      expect(headerLine(mail, 'list-id')).toBe(
        'List-ID: Acme Cloud status <mail.status.acme.test>',
      );
      expect(headerLine(mail, 'list-unsubscribe')).toBe(
        'List-Unsubscribe: <https://lists.acme.test/unsubscribe>',
      );
      expect(header(mail, 'auto-submitted')).toBe('auto-generated');
      expect(mail.parsed.text).toContain(
        'Full details: https://status.acme.test/incidents/2026-11-23-api-errors/',
      );
      expect(mail.parsed.html).toContain(
        'href="https://status.acme.test/incidents/2026-11-23-api-errors/"',
      );
    }
  });

  it('says what a reader needs in order, in both parts: summary, status, impact, affected, update, workaround, next update, contact, link', async () => {
    await run(await knownLedger());
    const mail = sink.mails[0]!;
    const text = mail.parsed.text!;
    const order = [
      'About one in five API requests fail',
      'Status: Investigating',
      'Impact: Major impact: Many customers cannot use a core feature.',
      'REST API: Partial outage',
      'What we are doing:',
      'We are seeing elevated errors',
      'Workaround: Retry with backoff.',
      'Next update by 23 Nov 2026, 16:00 UTC',
      'Contact: support@acme.test',
      'Full details:',
    ];
    const at = order.map((part) => text.indexOf(part));
    expect(
      at.every((i) => i >= 0),
      text,
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const html = mail.parsed.html as string;
    for (const part of [
      'About one in five API requests fail',
      'Investigating',
      'Many customers cannot use a core feature.',
      'REST API: Partial outage',
      'Retry with <strong>backoff</strong>',
      'mailto:support@acme.test',
    ]) {
      expect(html).toContain(part);
    }
  });

  it('the HTML part has no script, loads nothing from elsewhere, is styled inline, stays under 100 KB and passes an HTML validator', async () => {
    const ledger = await knownLedger();
    for (const text of [CREATED, POSTMORTEM]) {
      await repo.write('incidents/2026-11-23-api-errors.md', text);
      await run(ledger);
    }
    const validator = new HtmlValidate({
      extends: ['html-validate:standard', 'html-validate:a11y'],
      // Mail clients drop <style> and ignore classes: inline styles are the only styles that reach the reader.
      rules: { 'no-inline-style': 'off' },
    });
    expect(sink.mails.length).toBeGreaterThan(1);
    // The author's image is a link to it, not something the mail client fetches when the mail is opened.
    expect(sink.mails[0]!.parsed.html).toContain(
      '<a href="https://cdn.example.test/graph.png" style="color:#0b57d0;text-decoration:underline">graph</a>',
    );
    for (const mail of sink.mails) {
      const html = mail.parsed.html as string;
      expect(html).not.toMatch(
        /<script|<style|<link|<img|<iframe|<object|<embed|\son\w+=|javascript:/i,
      );
      expect(html).not.toMatch(/\ssrc=|url\(/i);
      expect(Buffer.byteLength(mail.raw)).toBeLessThan(100_000);
      const report = await validator.validateString(html);
      expect(
        report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)),
      ).toEqual([]);
    }
  });

  it('many recipients go in Bcc: each gets the mail, none is named in the headers', async () => {
    env.STATUS_MAIL_TO = PEOPLE.join(', ');
    await run(await knownLedger());
    const mail = sink.mails[0]!;
    expect(mail.envelopeTo.sort()).toEqual([...PEOPLE].sort());
    expect(mail.parsed.to).toBeUndefined();
    expect(mail.parsed.cc).toBeUndefined();
    expect(mail.parsed.bcc).toBeUndefined();
    for (const person of PEOPLE) expect(mail.raw).not.toContain(person);
  });

  it('reads recipients from a file in the repository, and refuses one that leads outside it', async () => {
    await repo.write(
      'notify/recipients.txt',
      `# the status subscribers\n${PEOPLE.join('\n')}  # end\n`,
    );
    expect(
      (
        await run(
          await knownLedger(),
          config({ to_env: undefined, to_file: 'notify/recipients.txt' }),
        )
      ).ok,
    ).toBe(true);
    expect(sink.mails[0]!.envelopeTo.sort()).toEqual([...PEOPLE].sort());

    const outside = join(repo.dir, '..', `outside-${Date.now()}.txt`);
    await writeFile(outside, 'mallory@evil.test\n');
    await mkdir(join(repo.dir, 'lists'), { recursive: true });
    await symlink(outside, join(repo.dir, 'lists', 'all.txt'));
    await repo.write('incidents/2026-11-23-api-errors.md', UPDATED);
    const report = await run(
      await knownLedger(),
      config({ to_env: undefined, to_file: 'lists/all.txt' }),
    );
    expect(report.channels[0]).toMatchObject({
      outcome: 'failed',
      message:
        'lists/all.txt leads outside the repository; keep the recipient list in a file inside it.',
    });
    expect(sink.mails).toHaveLength(1);
  });

  it('a temporary refusal (421) is tried again after a backoff and then delivered once', async () => {
    sink.refusals.push({ code: 421, text: '4.7.0 Try again later' });
    const lines: string[] = [];
    const report = await run(await knownLedger(), config(), (line) => lines.push(line));
    expect(report.ok).toBe(true);
    expect(sink.attempts).toBe(2);
    expect(sink.mails).toHaveLength(1);
    expect(lines.join('\n')).toMatch(
      /mail: sent 2026-11-23-api-errors@2026-11-23T09:12:00.000Z \(incident.created\) to smtp:\/\/127.0.0.1:\d+, SMTP 250 \(2 tries\)/,
    );
  });

  it('temporary refusals until the tries run out leave the notice for the next run', async () => {
    sink.refusals.push(
      ...Array.from({ length: 3 }, () => ({
        code: 451,
        text: '4.3.0 Mail server temporarily rejected message',
      })),
    );
    const ledger = await knownLedger();
    const report = await run(ledger);
    expect(report.channels[0]).toMatchObject({
      outcome: 'failed',
      pending: ['2026-11-23-api-errors@2026-11-23T09:12:00.000Z'],
    });
    expect(report.channels[0]!.message).toBe(
      'SMTP 451 4.3.0 Mail server temporarily rejected message after 3 tries',
    );
    expect((await run(ledger)).ok).toBe(true);
    expect(sink.mails).toHaveLength(1);
  });

  it("a permanent refusal (5xx) fails the notice at once with the server's reply, naming no recipient and no password", async () => {
    env.STATUS_MAIL_TO = PEOPLE.join(',');
    sink.refusals.push({
      code: 550,
      text: `5.7.1 ${PEOPLE[0]} and ${PEOPLE[2]} may not receive mail from this sender (${PASSWORD})`,
    });
    const lines: string[] = [];
    const report = await run(await knownLedger(), config(), (line) => lines.push(line));
    expect(sink.attempts).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.channels[0]).toMatchObject({
      outcome: 'failed',
      message:
        'SMTP 550 5.7.1 [recipient] and [recipient] may not receive mail from this sender ([secret])',
    });
    for (const secret of [...PEOPLE, PASSWORD])
      expect(JSON.stringify(report) + lines.join('\n')).not.toContain(secret);
  });

  it('a wrong password is a permanent failure that does not print the password', async () => {
    env.SMTP_URL = sink.url('status%40acme.test:wrong-password-123');
    const report = await run(await knownLedger());
    expect(report.channels[0]!.message).toMatch(/^SMTP 535 /);
    expect(JSON.stringify(report)).not.toContain('wrong-password-123');
    expect(sink.mails).toHaveLength(0);
  });

  it('requires TLS unless the URL says tls=off: a server without it gets nothing', async () => {
    env.SMTP_URL = sink.url(`status%40acme.test:${PASSWORD}`).replace('?tls=off', '');
    const report = await run(await knownLedger());
    expect(report.channels[0]).toMatchObject({ outcome: 'failed' });
    expect(report.channels[0]!.message).toMatch(
      /no TLS; use smtps:\/\/ or a server with STARTTLS, or add \?tls=off/,
    );
    expect(sink.attempts).toBe(0);
    expect(JSON.stringify(report)).not.toContain(PASSWORD);
  });

  it('names the variable to set when the server or the recipients are missing, and a bad address by its position only', async () => {
    delete env.SMTP_URL;
    expect((await run(await knownLedger())).channels[0]).toMatchObject({
      outcome: 'unset',
      message: expect.stringMatching(/^SMTP_URL is not set; /),
    });
    env.SMTP_URL = sink.url();
    env.STATUS_MAIL_TO = 'ana@acme.test, not an address';
    await repo.write('incidents/2026-11-23-api-errors.md', UPDATED);
    const bad = await run(await knownLedger());
    expect(bad.channels[0]).toMatchObject({
      outcome: 'failed',
      message:
        'STATUS_MAIL_TO: entry 2 is not an email address; write one plain address (name@example.com) per entry.',
    });
  });

  it('a Spanish page sends Spanish mail', async () => {
    await repo.write(
      'components.yaml',
      COMPONENTS.replace('timezone: UTC,', 'timezone: UTC, language: es,'),
    );
    await run(await knownLedger(), config({ unsubscribe_url: undefined }));
    const mail = sink.mails[0]!;
    expect(mail.parsed.subject).toBe('[Estado de Acme Cloud] Elevated API error rates');
    const text = mail.parsed.text!;
    expect(text.split('\n')[0]).toBe('Investigando · Elevated API error rates');
    for (const words of [
      'Estado: Investigando',
      'Impacto: Impacto grave: Many customers cannot use a core feature.',
      '23 nov 2026',
      'Resumen: About one in five',
      'Qué estamos haciendo:',
      'Afecta a:',
      'Solución provisional: Retry with backoff.',
      'Contacto: support@acme.test',
      'Todos los detalles: https://status.acme.test/incidents/2026-11-23-api-errors/',
      'Recibes este correo porque te suscribiste a los avisos de Acme Cloud.',
    ]) {
      expect(text).toContain(words);
    }
    const html = mail.parsed.html as string;
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('Ver en Acme Cloud');
    expect(html).toContain('>Qué estamos haciendo</h2>');
  });

  it("a pull request's preview shows each mail as its headers and text, with no secret", async () => {
    const ledger = await knownLedger();
    const state = noticePreviews(
      await loadModel(repo.dir, NOW),
      config(),
      await ledger.list(),
      NOW,
      (text) => text.split(PASSWORD).join('[secret]'),
    );
    expect(state.kind).toBe('planned');
    const [preview] = state.kind === 'planned' ? state.previews : [];
    expect(preview).toMatchObject({ channel: 'mail', type: 'email', language: 'text' });
    expect(preview!.payload).toMatch(
      /^From: Acme status <status@acme\.test>\nSubject: \[Acme Cloud status\] Elevated API error rates\nMessage-ID: </,
    );
    expect(preview!.payload).toContain('Investigating · Elevated API error rates');
    expect(preview!.payload).not.toContain('status-announce@lists.acme.test');
    expect(sink.attempts).toBe(0);
  });

  it('a dry run prints each mail and sends nothing', async () => {
    await repo.write(
      'notify.yaml',
      `channels:\n  - { id: mail, type: email, smtp_url_env: SMTP_URL, from: "Acme status <status@acme.test>", to_env: STATUS_MAIL_TO }\n`,
    );
    await repo.write('incidents/2026-11-23-api-errors.md', UPDATED);
    await knownLedger();
    const out: string[] = [];
    const code = await runNotify(['--dry-run', '--since-ledger', '.candor/ledger.json'], {
      cwd: repo.dir,
      env: { ...env, CANDOR_NOW: NOW.toISOString() },
      stdout: (t) => out.push(t),
      stderr: (t) => out.push(t),
    });
    const printed = out.join('\n');
    expect(code).toBe(0);
    expect(sink.attempts).toBe(0);
    expect(printed).toContain(`── mail (email, public) → smtp://127.0.0.1:${sink.port}/…`);
    expect(printed).toContain('Subject: [Acme Cloud status] Elevated API error rates');
    expect(printed).toContain('Subject: Re: [Acme Cloud status] Elevated API error rates');
    expect(printed).toMatch(/In-Reply-To: <[\w-]+@acme\.test>/);
    expect(printed).toContain('Identified · Elevated API error rates');
    expect(printed).toContain('Dry run: 2 notices would be sent.');
    expect(printed).not.toContain(PASSWORD);
    expect(printed).not.toContain('status-announce@lists.acme.test');
    expect(await readFile(join(repo.dir, '.candor', 'ledger.json'), 'utf8')).toContain('"mail"');
  });
});

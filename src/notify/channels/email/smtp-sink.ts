// Test support: a real SMTP server on 127.0.0.1 (smtp-server) whose received mail is parsed as a mail
// client would (mailparser). It is never imported by the product.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Addresses given in RCPT TO: who really gets it, Bcc included. */
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
}

/** What the server answers to MAIL FROM, in order; then it accepts. */
type Refusal = { code: number; text: string };

export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  /** Replies to MAIL FROM, used up one per attempt: e.g. a 421, then acceptance. */
  readonly refusals: Refusal[] = [];
  /** Counts every MAIL FROM, accepted or not. */
  attempts = 0;
  #server: SMTPServer;
  #port = 0;

  constructor(options: { user?: string; password?: string } = {}) {
    this.#server = new SMTPServer({
      // The client under test must ask for TLS unless told otherwise; this server offers none.
      disabledCommands: options.user ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      allowInsecureAuth: true,
      authOptional: !options.user,
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (auth.username === options.user && auth.password === options.password)
          callback(null, { user: auth.username });
        else
          callback(
            Object.assign(new Error('5.7.8 Authentication credentials invalid'), {
              responseCode: 535,
            }),
          );
      },
      onMailFrom: (_address, _session, callback) => {
        this.attempts++;
        const refusal = this.refusals.shift();
        callback(
          refusal ? Object.assign(new Error(refusal.text), { responseCode: refusal.code }) : null,
        );
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw).then((parsed) => {
            this.mails.push({
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              raw,
              parsed,
            });
            callback();
          }, callback);
        });
      },
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.#port = (this.#server.server.address() as AddressInfo).port;
    return this;
  }

  /** The URL for `smtp_url_env`: plain SMTP on the loopback, so tls=off. */
  url(credentials = ''): string {
    return `smtp://${credentials ? `${credentials}@` : ''}127.0.0.1:${this.#port}?tls=off`;
  }

  get port(): number {
    return this.#port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

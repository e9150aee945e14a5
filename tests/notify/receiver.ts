import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the receiver does with one request: answer, never answer, or drop the connection. */
export type Reply =
  | { status: number; headers?: Record<string, string>; body?: string; delayMs?: number }
  | 'hang'
  | 'reset';
/** A reply decided when the request arrives, e.g. after looking at the ledger on disk. */
export type Script = Reply | ((request: Received) => Reply | Promise<Reply>);

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: unknown;
  at: number;
}

/**
 * A real HTTP server on 127.0.0.1 standing in for Slack, Discord, Teams or a webhook receiver. Each
 * path answers from its script in order, then with `fallback` (Slack's `200 ok` unless told).
 */
export class Receiver {
  readonly received: Received[] = [];
  #server: Server;
  #scripts = new Map<string, Script[]>();
  #fallback = new Map<string, Script>();
  #inFlight = new Map<string, number>();
  /** The most requests a path (and all paths together, under '*') had in flight at once. */
  readonly maxInFlight = new Map<string, number>();
  #sockets = new Set<Socket>();
  #hanging = new Set<ServerResponse>();

  constructor() {
    this.#server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        const path = request.url ?? '/';
        const body = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(body);
        } catch {
          json = undefined;
        }
        const received: Received = { path, headers: request.headers, body, json, at: Date.now() };
        this.received.push(received);
        this.#enter(path);
        // 'finish' as soon as the answer is written (before the client can send its next request); 'close' for dropped ones.
        let left = false;
        const leave = () => {
          if (!left) this.#leave(path);
          left = true;
        };
        response.on('finish', leave).on('close', leave);
        const script = this.#scripts.get(path)?.shift() ??
          this.#fallback.get(path) ?? { status: 200, body: 'ok' };
        void Promise.resolve(typeof script === 'function' ? script(received) : script).then(
          async (reply) => {
            if (reply === 'hang') {
              this.#hanging.add(response);
              return;
            }
            if (reply === 'reset') {
              request.socket.resetAndDestroy();
              return;
            }
            if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
            response.writeHead(reply.status, reply.headers);
            response.end(reply.body ?? '');
          },
        );
      });
    });
    this.#server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  /** The full URL of a path on this server, e.g. a pretend `https://hooks.slack.com/services/T/B/secret`. */
  url(path: string): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}${path}`;
  }

  #enter(path: string): void {
    for (const key of [path, '*']) {
      const n = (this.#inFlight.get(key) ?? 0) + 1;
      this.#inFlight.set(key, n);
      this.maxInFlight.set(key, Math.max(n, this.maxInFlight.get(key) ?? 0));
    }
  }

  #leave(path: string): void {
    for (const key of [path, '*']) this.#inFlight.set(key, (this.#inFlight.get(key) ?? 1) - 1);
  }

  script(path: string, replies: Script[], fallback?: Script): this {
    this.#scripts.set(path, [...replies]);
    if (fallback) this.#fallback.set(path, fallback);
    return this;
  }

  on(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    for (const response of this.#hanging) response.destroy();
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

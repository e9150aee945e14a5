import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.xml': 'application/rss+xml',
  '.json': 'application/json',
  '.ics': 'text/calendar',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close: () => Promise<void>;
}

/**
 * Serves a built site as a static host does (GitHub Pages): `dir/` serves `dir/index.html`, unknown
 * paths get `404.html` with status 404. `base` is the path the site is published under.
 */
export async function serveStatic(root: string, base = '/'): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = path.startsWith(base)
      ? await resolveFile(root, path.slice(base.length))
      : undefined;
    if (file) {
      // As GitHub Pages does: any site may read the files, which the embeddable status relies on.
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'access-control-allow-origin': '*',
      });
      response.end(await readFile(file));
      return;
    }
    response.writeHead(404, { 'content-type': TYPES['.html']! });
    response.end(await readFile(join(root, '404.html')).catch(() => 'Not found'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function resolveFile(root: string, relative: string): Promise<string | undefined> {
  const clean = normalize(`/${relative}`);
  for (const candidate of [join(root, clean), join(root, clean, 'index.html')]) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
  }
  return undefined;
}

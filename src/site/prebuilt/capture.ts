import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { META_FILE, type PrebuiltMeta } from './cache.ts';

/** Astro's prerender entry (`astro/entrypoints/prerender`), as its path ends inside the package. */
const PRERENDER_ENTRY = /astro[\\/]dist[\\/]entrypoints[\\/]prerender\.js$/;

/**
 * The prerender entry also exports the two pieces of Astro's static generation a prebuilt build
 * needs: imported from the bundle, they share its copies of Astro's modules (its route cache and
 * environment), and a content-only build does not load Astro's build pipeline to get them.
 */
const EXTRA_EXPORTS = `
export { StaticPaths } from "../runtime/prerender/static-paths.js";
export { createRequest } from "../core/request.js";
`;

interface Written {
  prerenderDir?: string;
  entry?: string;
  clientDir?: string;
  client: string[];
}

/**
 * Keeps the page bundle of this Astro build in `target` (see prebuilt/render.ts): the prerender
 * chunks Astro imports to render the pages, and the client assets the pages link to. Astro deletes
 * its prerender chunks after rendering; they are copied first, into a temporary folder renamed into
 * place, so a reader never sees half a bundle.
 */
export function capturePrebuilt(target: string): AstroIntegration {
  const written: Written = { client: [] };
  return {
    name: 'candor-status:prebuilt',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'candor-status:prebuilt',
                transform(code: string, id: string) {
                  return PRERENDER_ENTRY.test(id.split('?')[0] ?? '')
                    ? { code: code + EXTRA_EXPORTS, map: null }
                    : undefined;
                },
                writeBundle(
                  this: { environment?: { name: string } },
                  options: { dir?: string },
                  bundle: Record<string, { type: string; isEntry?: boolean }>,
                ) {
                  const environment = this.environment?.name;
                  if (environment === 'prerender' && options.dir) {
                    written.prerenderDir = options.dir;
                    written.entry = Object.keys(bundle).find((file) => {
                      const chunk = bundle[file];
                      return (
                        chunk?.type === 'chunk' &&
                        chunk.isEntry &&
                        file.startsWith('prerender-entry')
                      );
                    });
                  } else if (environment === 'client' && options.dir) {
                    written.clientDir = options.dir;
                    written.client.push(...Object.keys(bundle));
                  }
                },
              },
            ],
          },
        });
      },
      'astro:build:generated': async ({ dir, logger }) => {
        const { prerenderDir, entry } = written;
        // Only a bundle whose parts were all seen is kept; the next build then tries again.
        if (!prerenderDir || !entry) return;
        const clientDir = written.clientDir ?? fileURLToPath(dir);
        try {
          await keep(target, prerenderDir, { entry, client: written.client }, clientDir);
        } catch (cause) {
          // The site is built all the same; only the next build's head start is lost.
          logger.warn(
            `the page bundle could not be kept in ${target} (${(cause as NodeJS.ErrnoException).code ?? String(cause)}): the next build runs Astro again.`,
          );
        }
      },
    },
  };
}

async function keep(
  target: string,
  prerenderDir: string,
  meta: PrebuiltMeta,
  clientDir: string,
): Promise<void> {
  const staging = `${target}.${process.pid}.tmp`;
  await rm(staging, { recursive: true, force: true });
  try {
    await cp(prerenderDir, join(staging, 'prerender'), { recursive: true });
    for (const file of meta.client) {
      await mkdir(dirname(join(staging, 'client', file)), { recursive: true });
      await cp(join(clientDir, file), join(staging, 'client', file));
    }
    await writeFile(join(staging, META_FILE), JSON.stringify(meta));
    await rename(staging, target);
  } catch (cause) {
    // Another build kept the same bundle first: its copy serves.
    const code = (cause as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw cause;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

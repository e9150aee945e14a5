import { cp, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFiles, writeRepository } from '../support/repository.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const VALID_CONFIG = join(FIXTURES, 'valid', 'components.yaml');

/** Real repositories on disk for tests, removed by `cleanup()`. */
export function tempRepositories() {
  const roots: string[] = [];
  return {
    /** A repository holding exactly these files (paths relative to its root). */
    async create(files: Record<string, string | Uint8Array>): Promise<string> {
      const root = await writeRepository(files);
      roots.push(root);
      return root;
    },
    write: writeFiles,
    /**
     * A repository around one fixture under tests/fixtures/invalid/: a `.md` file becomes an
     * incident checked against the valid components.yaml, a `.yaml` file becomes components.yaml,
     * a folder is a whole repository (with the valid components.yaml unless it has its own).
     */
    async fromFixture(name: string): Promise<string> {
      const source = join(FIXTURES, 'invalid', name);
      if ((await stat(source)).isDirectory()) {
        const root = await this.create({ 'components.yaml': await readFile(VALID_CONFIG) });
        await cp(source, root, { recursive: true });
        return root;
      }
      if (name.endsWith('.yaml')) return this.create({ 'components.yaml': await readFile(source) });
      return this.create({
        'components.yaml': await readFile(VALID_CONFIG),
        [`incidents/${name}`]: await readFile(source),
      });
    },
    async cleanup(): Promise<void> {
      await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
    },
  };
}

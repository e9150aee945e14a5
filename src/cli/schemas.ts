import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Io } from '../shared/io.ts';
import { jsonSchemas, serialiseSchema } from './json-schemas.ts';
import { runCommand } from './run-command.ts';

/** `candor schemas`: writes schemas/*.json from the zod schemas, for editors (a test fails when Candor's own copies are stale). */
export function runSchemas(argv: string[], io: Io): Promise<number> {
  return runCommand('schemas', io, 'candor schemas', async () => {
    parseArgs({ args: argv, options: {}, strict: true });
    await mkdir(join(io.cwd, 'schemas'), { recursive: true });
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      await writeFile(join(io.cwd, 'schemas', name), serialiseSchema(schema));
      io.stdout(`wrote schemas/${name}`);
    }
    return 0;
  });
}

import { mkdir, writeFile } from 'node:fs/promises';
import { jsonSchemas, serialiseSchema } from '../src/core/json-schemas.ts';

// Regenerates schemas/*.json from the zod schemas; a test fails when they are out of date.
await mkdir('schemas', { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  await writeFile(`schemas/${name}`, serialiseSchema(schema));
  console.log(`wrote schemas/${name}`);
}

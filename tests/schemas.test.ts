import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { splitFrontmatter } from '../src/core/frontmatter.ts';
import { jsonSchemas, serialiseSchema } from '../src/cli/json-schemas.ts';
import { EXAMPLE_PAGE } from './candor-bin.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const schemas = jsonSchemas();

/** A standard JSON Schema validator, as editors' YAML language servers use; strict, so a schema it cannot read fails. */
function validator(name: string) {
  const ajv = new Ajv({ strict: true, allErrors: true });
  ajv.addFormat('uri', (text: string) => URL.canParse(text));
  return ajv.compile(schemas[name]!);
}

/** YAML read as editors do for the schema check (YAML 1.2 core schema). */
const readYaml = (text: string): unknown => parse(text, { schema: 'core', version: '1.2' });

async function exampleIncidents(): Promise<{ path: string; text: string }[]> {
  const entries = await readdir(join(EXAMPLE_PAGE, 'incidents'), {
    recursive: true,
    withFileTypes: true,
  });
  const paths = entries
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name));
  return Promise.all(paths.map(async (path) => ({ path, text: await readFile(path, 'utf8') })));
}

/** The file a `# yaml-language-server: $schema=...` line points at, resolved from the file that holds it. */
function referencedSchema(path: string, text: string): string | undefined {
  const match = /^#\s*yaml-language-server:\s*\$schema=(\S+)/m.exec(text);
  return match ? resolve(dirname(path), match[1]!) : undefined;
}

describe('schemas/*.json', () => {
  it.each(Object.keys(schemas))(
    '%s is what jsonSchemas() generates (run `npm run schemas` after changing a schema)',
    async (name) => {
      expect(await readFile(join(ROOT, 'schemas', name), 'utf8')).toBe(
        serialiseSchema(schemas[name]!),
      );
    },
  );

  it('holds no schema that is no longer generated', async () => {
    expect((await readdir(join(ROOT, 'schemas'))).sort()).toEqual(Object.keys(schemas).sort());
  });
});

describe('the example files against their JSON Schemas', () => {
  it('components.yaml points at its schema and validates against it', async () => {
    const path = join(EXAMPLE_PAGE, 'components.yaml');
    const text = await readFile(path, 'utf8');
    expect(referencedSchema(path, text)).toBe(
      join(EXAMPLE_PAGE, 'schemas', 'components.schema.json'),
    );
    const validate = validator('components.schema.json');
    expect(validate(readYaml(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('every example incident points at the incident schema and its frontmatter validates against it', async () => {
    const incidents = await exampleIncidents();
    expect(incidents.length).toBeGreaterThan(0);
    const validate = validator('incident.schema.json');
    for (const { path, text } of incidents) {
      const { split } = splitFrontmatter(path, text);
      expect(referencedSchema(path, split!.yaml), path).toBe(
        join(EXAMPLE_PAGE, 'schemas', 'incident.schema.json'),
      );
      expect(validate(readYaml(split!.yaml)), `${path}: ${JSON.stringify(validate.errors)}`).toBe(
        true,
      );
    }
  });

  it('the schemas reject what the validator rejects: an unknown key, a wrong enum value, a bad URL, no components', () => {
    const components = validator('components.schema.json');
    const page = { name: 'Acme', url: 'https://status.acme.dev' };
    expect(components({ page, components: [{ id: 'api', name: 'API' }] })).toBe(true);
    expect(components({ page, components: [{ id: 'api', name: 'API', colour: 'red' }] })).toBe(
      false,
    );
    expect(
      components({ page: { ...page, url: 'not a url' }, components: [{ id: 'api', name: 'API' }] }),
    ).toBe(false);
    expect(components({ page, components: [] })).toBe(false);
    expect(components({ page, components: [{ id: 'REST API', name: 'API' }] })).toBe(false);

    const incident = validator('incident.schema.json');
    expect(
      incident({ title: 'Errors', impact: 'major', components: { api: 'partial_outage' } }),
    ).toBe(true);
    expect(incident({ title: 'Errors', impact: 'majr' })).toBe(false);
    expect(incident({ title: 'Errors', impact: 'major', components: { api: 'broken' } })).toBe(
      false,
    );
    expect(incident({ titel: 'Errors' })).toBe(false);
    expect(incident({ impact: 'major' })).toBe(false);
  });
});

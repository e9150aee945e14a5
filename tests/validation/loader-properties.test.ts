import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.ts';
import { loadRepository } from '../../src/core/load-repository.ts';
import type { SourceFile } from '../../src/core/source-text.ts';
import { FIXTURES, VALID_CONFIG } from './temp-repository.ts';

const now = new Date('2026-11-23T12:00:00Z');
const RUNS = 600;
const encoder = new TextEncoder();

async function texts(dir: string, extension: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(extension));
  return Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
}

const config = await readFile(VALID_CONFIG, 'utf8');
const incidentSeeds = [
  ...(await texts(join(FIXTURES, 'valid', 'incidents'), '.md')),
  ...(await texts(join(FIXTURES, 'invalid'), '.md')),
];
const configSeeds = [config, ...(await texts(join(FIXTURES, 'invalid'), '.yaml'))];

/** Pieces of text that mean something to the frontmatter splitter, YAML, Markdown or the decoder. */
const token = fc.constantFrom(
  '---',
  '---js',
  '...',
  '\n',
  '\r\n',
  '\r',
  ':',
  ': ',
  '- ',
  '## ',
  '### ',
  '# ',
  '2026-11-20 14:03 UTC',
  '2026-11-20 14:03',
  ' · ',
  ' | ',
  ' - ',
  'Resolved',
  'Investigating',
  'Update',
  'Postmortem',
  'Components: api: major_outage, x: y',
  '&a ',
  '*a',
  '!!js/function ',
  '<<: *a',
  '\t',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  '#',
  '\uFEFF',
  '%',
  '\u0000',
  '💥',
  'é',
  '\u2028',
  'kind: maintenance',
  'impact: major',
  'components: [api]',
  'id: x',
  'title:',
  '  ',
  'next_update: 2026-11-20 14:00 UTC',
);

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate-line'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(token, token, fc.string({ unit: 'binary', maxLength: 8 })),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 30 }),
  }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
);

function mutate(text: string, mutations: Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = m.at % (out.length + 1);
    if (m.kind === 'insert') out = out.slice(0, at) + m.text + out.slice(at);
    else if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + m.length);
    else {
      const lines = out.split('\n');
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i]!);
      out = lines.join('\n');
    }
  }
  return out;
}

/** Overwrites some bytes, which can make the text invalid UTF-8. */
const byteNoise = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 });
function withNoise(bytes: Uint8Array, noise: [number, number][]): Uint8Array {
  const out = Uint8Array.from(bytes);
  for (const [at, value] of noise) if (out.length > 0) out[at % out.length] = value;
  return out;
}

/** The lines an editor shows for these bytes: lossy UTF-8, no BOM, any line end. */
function editorLines(bytes: Uint8Array): string[] {
  return new TextDecoder('utf-8').decode(bytes).replace(/\r\n?/g, '\n').split('\n');
}

function expectInside(diagnostics: Diagnostic[], files: SourceFile[]) {
  const lines = new Map(files.map((f) => [f.path, editorLines(f.bytes)]));
  for (const d of diagnostics) {
    const fileLines = lines.get(d.file);
    expect(fileLines, `${d.file} is one of the files given`).toBeDefined();
    expect(d.line, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
    expect(d.line, JSON.stringify(d)).toBeLessThanOrEqual(fileLines!.length);
    expect(d.column, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
    expect(d.column, JSON.stringify(d)).toBeLessThanOrEqual(fileLines![d.line - 1]!.length + 1);
    expect(d.message.length, JSON.stringify(d)).toBeGreaterThan(0);
    expect(d.hint, JSON.stringify(d)).toBeTruthy();
  }
}

function check(incidents: SourceFile[], configBytes: Uint8Array = encoder.encode(config)) {
  const configFile = { path: 'components.yaml', bytes: configBytes };
  // loadRepository's contract: never throws on user input; a throw fails the property.
  const { diagnostics } = loadRepository({ config: configFile, incidents }, { now });
  expectInside(diagnostics, [configFile, ...incidents]);
}

describe('the loader on random and mutated files', () => {
  it('never throws, and points every diagnostic inside its file, for mutated incidents', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...incidentSeeds),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        byteNoise,
        (seed, mutations, noise) => {
          check([
            {
              path: 'incidents/2026-11-20-mutated.md',
              bytes: withNoise(encoder.encode(mutate(seed, mutations)), noise),
            },
          ]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('never throws, and points every diagnostic inside its file, for mutated components.yaml', () => {
    const incident = { path: 'incidents/fine.md', bytes: encoder.encode(incidentSeeds[0]!) };
    fc.assert(
      fc.property(
        fc.constantFrom(...configSeeds),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        byteNoise,
        (seed, mutations, noise) => {
          check([incident], withNoise(encoder.encode(mutate(seed, mutations)), noise));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('never throws, and points every diagnostic inside its file, for several mutated incidents whose ids may collide', () => {
    const file = fc.tuple(
      fc.constantFrom('a', 'b', 'sub/a', 'API Outage'),
      fc.constantFrom(...incidentSeeds),
      fc.array(mutation, { maxLength: 3 }),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(file, { minLength: 2, maxLength: 4, selector: ([name]) => name }),
        (files) => {
          check(
            files.map(([name, seed, mutations]) => ({
              path: `incidents/${name}.md`,
              bytes: encoder.encode(mutate(seed, mutations)),
            })),
          );
        },
      ),
      { numRuns: RUNS / 2 },
    );
  });

  it('never throws, and points every diagnostic inside its file, for random text and bytes', () => {
    const text = fc
      .array(fc.oneof(token, fc.string({ unit: 'binary', maxLength: 12 })), { maxLength: 30 })
      .map((parts) => parts.join(''));
    const bytes = fc.oneof(
      text.map((t) => encoder.encode(t)),
      fc.uint8Array({ maxLength: 200 }),
    );
    fc.assert(
      fc.property(bytes, bytes, (incident, configBytes) => {
        check([{ path: 'incidents/random.md', bytes: incident }], configBytes);
      }),
      { numRuns: RUNS },
    );
  });
});

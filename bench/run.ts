import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { hasErrors } from '../src/core/diagnostics.ts';
import { loadRepository } from '../src/core/load-repository.ts';
import { readRepository } from '../src/core/read-repository.ts';
import { generateRepository } from './generate.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');
const NOW = '2026-11-23T12:00:00Z';

export interface BenchOptions {
  sizes: number[];
  /** Full builds per size; the median is reported. */
  buildRuns: number;
  /** Validations per size (in-process, cheap); the median is reported. */
  validateRuns: number;
  seed: number;
}

export interface SizeResult {
  incidents: number;
  validateMs: { median: number; min: number; max: number };
  buildMs: { median: number; min: number; max: number };
  peakRssMiB: number;
  files: number;
  outputBytes: number;
  homeBytes: number;
  homeGzipBytes: number;
  largestPage: { path: string; bytes: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const spread = (xs: number[]) => ({ median: round(median(xs)), min: round(Math.min(...xs)), max: round(Math.max(...xs)) });
const round = (x: number) => Math.round(x * 10) / 10;

async function writeRepository(dir: string, incidents: number, seed: number): Promise<void> {
  for (const file of generateRepository({ incidents, seed, now: new Date(NOW) })) {
    const path = join(dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
  }
}

async function measureValidation(dir: string, runs: number): Promise<number[]> {
  const files = await readRepository(dir);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const { diagnostics } = loadRepository(files, { now: new Date(NOW) });
    times.push(performance.now() - start);
    if (hasErrors(diagnostics)) throw new Error(`The generated repository has errors: ${diagnostics[0]!.message}`);
  }
  return times;
}

async function measureBuild(dir: string, out: string): Promise<{ ms: number; rssKiB: number }> {
  const rssFile = join(dir, 'peak-rss.txt');
  // Each run starts from no output, so every run measures the same work.
  await rm(out, { recursive: true, force: true });
  const start = performance.now();
  await run(process.execPath, ['--import', join(ROOT, 'bench/peak-memory.ts'), join(ROOT, 'bin/candor.js'), 'build', '--out', out], {
    cwd: dir,
    env: { ...process.env, CANDOR_NOW: NOW, CANDOR_BENCH_RSS_FILE: rssFile },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  return { ms, rssKiB: Number(await readFile(rssFile, 'utf8')) };
}

async function measureOutput(out: string) {
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  let files = 0;
  let outputBytes = 0;
  let largestPage = { path: '', bytes: 0 };
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    const { size } = await stat(path);
    files++;
    outputBytes += size;
    if (entry.name.endsWith('.html') && size > largestPage.bytes) largestPage = { path: path.slice(out.length + 1), bytes: size };
  }
  const home = await readFile(join(out, 'index.html'));
  return { files, outputBytes, homeBytes: home.byteLength, homeGzipBytes: gzipSync(home).byteLength, largestPage };
}

/** Generates, validates and builds a repository of each size; never asserts a time. */
export async function runBenchmarks(options: BenchOptions, progress: (line: string) => void): Promise<SizeResult[]> {
  const results: SizeResult[] = [];
  for (const incidents of options.sizes) {
    // Inside the package, like a user's repository, so the build writes dist/ in place.
    await mkdir(join(ROOT, '.candor'), { recursive: true });
    const dir = await mkdtemp(join(ROOT, '.candor', `bench-${incidents}-`));
    try {
      await writeRepository(dir, incidents, options.seed);
      const validate = await measureValidation(dir, options.validateRuns);
      const builds: { ms: number; rssKiB: number }[] = [];
      for (let i = 0; i < options.buildRuns; i++) {
        builds.push(await measureBuild(dir, join(dir, 'dist')));
        progress(`  ${incidents} incidents: build ${i + 1}/${options.buildRuns} in ${(builds.at(-1)!.ms / 1000).toFixed(1)} s`);
      }
      results.push({
        incidents,
        validateMs: spread(validate),
        buildMs: spread(builds.map((b) => b.ms)),
        peakRssMiB: round(Math.max(...builds.map((b) => b.rssKiB)) / 1024),
        ...(await measureOutput(join(dir, 'dist'))),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return results;
}

export function formatTable(results: SizeResult[]): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const rows = [
    ['incidents', 'validate (median)', 'build (median)', 'peak RSS', 'files', 'output', 'home', 'home gzip', 'largest page'],
    ...results.map((r) => [
      r.incidents.toLocaleString('en'),
      `${r.validateMs.median} ms`,
      `${(r.buildMs.median / 1000).toFixed(1)} s`,
      `${r.peakRssMiB} MiB`,
      String(r.files),
      `${(r.outputBytes / 1024 / 1024).toFixed(1)} MB`,
      kb(r.homeBytes),
      kb(r.homeGzipBytes),
      `${kb(r.largestPage.bytes)} ${r.largestPage.path}`,
    ]),
  ];
  return rows.map((row) => `| ${row.join(' | ')} |`).join('\n').replace(/\n/, `\n|${rows[0]!.map(() => '---').join('|')}|\n`);
}

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
  /** Also time `candor build --full` (Astro's whole build), interleaved with the default build. */
  compareFull?: boolean;
}

export interface SizeResult {
  incidents: number;
  validateMs: Spread;
  buildMs: Spread;
  buildCpuMs: Spread;
  /** `candor build --full`, when compared: run after each default build, so both see the same load. */
  fullBuildMs?: Spread;
  fullBuildCpuMs?: Spread;
  /** `candor check` as a whole process, Node's start included (node direct, no npm). */
  checkMs: Spread;
  checkCpuMs: Spread;
  peakRssMiB: number;
  files: number;
  outputBytes: number;
  homeBytes: number;
  homeGzipBytes: number;
  largestPage: { path: string; bytes: number };
}

type Spread = { median: number; min: number; max: number };
interface ProcessRun {
  ms: number;
  cpuMs: number;
  rssKiB: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const spread = (xs: number[]) => ({
  median: round(median(xs)),
  min: round(Math.min(...xs)),
  max: round(Math.max(...xs)),
});
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
    if (hasErrors(diagnostics))
      throw new Error(`The generated repository has errors: ${diagnostics[0]!.message}`);
  }
  return times;
}

/** Runs `candor <args>` in `dir` as its own process: wall time, CPU time and peak memory. */
async function measureCommand(dir: string, args: string[]): Promise<ProcessRun> {
  const usageFile = join(dir, 'bench-usage.json');
  const start = performance.now();
  await run(
    process.execPath,
    ['--import', join(ROOT, 'bench/peak-memory.ts'), join(ROOT, 'bin/candor.js'), ...args],
    {
      cwd: dir,
      env: { ...process.env, CANDOR_NOW: NOW, CANDOR_BENCH_RSS_FILE: usageFile },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const ms = performance.now() - start;
  const { rssKiB, cpuMs } = JSON.parse(await readFile(usageFile, 'utf8')) as {
    rssKiB: number;
    cpuMs: number;
  };
  return { ms, cpuMs, rssKiB };
}

async function measureBuild(dir: string, out: string, args: string[] = []): Promise<ProcessRun> {
  // Each run starts from no output, so every run measures the same work.
  await rm(out, { recursive: true, force: true });
  return measureCommand(dir, ['build', '--out', out, ...args]);
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
    if (entry.name.endsWith('.html') && size > largestPage.bytes)
      largestPage = { path: path.slice(out.length + 1), bytes: size };
  }
  const home = await readFile(join(out, 'index.html'));
  return {
    files,
    outputBytes,
    homeBytes: home.byteLength,
    homeGzipBytes: gzipSync(home).byteLength,
    largestPage,
  };
}

/** Generates, validates and builds a repository of each size; never asserts a time. */
export async function runBenchmarks(
  options: BenchOptions,
  progress: (line: string) => void,
): Promise<SizeResult[]> {
  const results: SizeResult[] = [];
  for (const incidents of options.sizes) {
    // Inside the package, like a user's repository, so the build writes dist/ in place.
    await mkdir(join(ROOT, '.candor'), { recursive: true });
    const dir = await mkdtemp(join(ROOT, '.candor', `bench-${incidents}-`));
    try {
      await writeRepository(dir, incidents, options.seed);
      const validate = await measureValidation(dir, options.validateRuns);
      // Once, unmeasured: the page bundle a default build renders from is kept by the first one.
      await measureBuild(dir, join(dir, 'dist'));
      const builds: ProcessRun[] = [];
      const fullBuilds: ProcessRun[] = [];
      const checks: ProcessRun[] = [];
      for (let i = 0; i < options.buildRuns; i++) {
        checks.push(await measureCommand(dir, ['check']));
        builds.push(await measureBuild(dir, join(dir, 'dist')));
        if (options.compareFull)
          fullBuilds.push(await measureBuild(dir, join(dir, 'dist'), ['--full']));
        progress(
          `  ${incidents} incidents: build ${i + 1}/${options.buildRuns} in ${(builds.at(-1)!.ms / 1000).toFixed(1)} s${options.compareFull ? `, --full in ${(fullBuilds.at(-1)!.ms / 1000).toFixed(1)} s` : ''}`,
        );
      }
      results.push({
        incidents,
        validateMs: spread(validate),
        buildMs: spread(builds.map((b) => b.ms)),
        buildCpuMs: spread(builds.map((b) => b.cpuMs)),
        ...(options.compareFull
          ? {
              fullBuildMs: spread(fullBuilds.map((b) => b.ms)),
              fullBuildCpuMs: spread(fullBuilds.map((b) => b.cpuMs)),
            }
          : {}),
        checkMs: spread(checks.map((c) => c.ms)),
        checkCpuMs: spread(checks.map((c) => c.cpuMs)),
        peakRssMiB: round(Math.max(...builds.map((b) => b.rssKiB)) / 1024),
        ...(await measureOutput(join(dir, 'dist'))),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return results;
}

/** Which build a cost model is of: the default one, or `--full` when compared. */
type BuildTimes = (r: SizeResult) => { ms?: Spread; cpuMs?: Spread };
const defaultBuild: BuildTimes = (r) => ({ ms: r.buildMs, cpuMs: r.buildCpuMs });
const fullBuild: BuildTimes = (r) => ({ ms: r.fullBuildMs, cpuMs: r.fullBuildCpuMs });

/**
 * The build's fixed cost (the smallest size measured, an empty repository by default) and its
 * cost per incident: the least-squares slope of the median build times over the sizes measured.
 */
export function buildCostModel(
  results: SizeResult[],
  times: BuildTimes = defaultBuild,
):
  | {
      fixed: { incidents: number; ms: number; cpuMs: number };
      perIncidentMs: number;
      perIncidentCpuMs: number;
    }
  | undefined {
  if (results.length < 2 || results.some((r) => !times(r).ms || !times(r).cpuMs)) return undefined;
  const wall = (r: SizeResult) => times(r).ms!.median;
  const cpu = (r: SizeResult) => times(r).cpuMs!.median;
  const smallest = results.reduce((a, b) => (b.incidents < a.incidents ? b : a));
  const slope = (y: (r: SizeResult) => number) => {
    const mx = results.reduce((sum, r) => sum + r.incidents, 0) / results.length;
    const my = results.reduce((sum, r) => sum + y(r), 0) / results.length;
    const num = results.reduce((sum, r) => sum + (r.incidents - mx) * (y(r) - my), 0);
    const den = results.reduce((sum, r) => sum + (r.incidents - mx) ** 2, 0);
    return den === 0 ? 0 : num / den;
  };
  return {
    fixed: { incidents: smallest.incidents, ms: wall(smallest), cpuMs: cpu(smallest) },
    perIncidentMs: Math.round(slope(wall) * 100) / 100,
    perIncidentCpuMs: Math.round(slope(cpu) * 100) / 100,
  };
}

export function formatCostModel(results: SizeResult[]): string {
  if (!buildCostModel(results))
    return 'Fixed cost and slope need at least two sizes (e.g. --sizes 0,100,1000).';
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const lines = (label: string, times: BuildTimes) => {
    const model = buildCostModel(results, times);
    if (!model) return [];
    return [
      `${label}fixed cost (build of ${model.fixed.incidents} incidents): ${seconds(model.fixed.ms)} wall, ${seconds(model.fixed.cpuMs)} CPU`,
      `${label}per incident (least-squares slope of the medians): ${model.perIncidentMs} ms wall, ${model.perIncidentCpuMs} ms CPU`,
    ];
  };
  return [...lines('', defaultBuild), ...lines('--full: ', fullBuild)].join('\n');
}

export function formatTable(results: SizeResult[]): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const rows = [
    [
      'incidents',
      'validate (median)',
      'check (wall / CPU)',
      'build (median)',
      'build CPU',
      ...(results.some((r) => r.fullBuildMs) ? ['--full build (wall / CPU)'] : []),
      'peak RSS',
      'files',
      'output',
      'home',
      'home gzip',
      'largest page',
    ],
    ...results.map((r) => [
      r.incidents.toLocaleString('en'),
      `${r.validateMs.median} ms`,
      `${seconds(r.checkMs.median)} / ${seconds(r.checkCpuMs.median)}`,
      `${(r.buildMs.median / 1000).toFixed(1)} s`,
      `${(r.buildCpuMs.median / 1000).toFixed(1)} s`,
      ...(r.fullBuildMs && r.fullBuildCpuMs
        ? [`${seconds(r.fullBuildMs.median)} / ${seconds(r.fullBuildCpuMs.median)}`]
        : []),
      `${r.peakRssMiB} MiB`,
      String(r.files),
      `${(r.outputBytes / 1024 / 1024).toFixed(1)} MB`,
      kb(r.homeBytes),
      kb(r.homeGzipBytes),
      `${kb(r.largestPage.bytes)} ${r.largestPage.path}`,
    ]),
  ];
  return rows
    .map((row) => `| ${row.join(' | ')} |`)
    .join('\n')
    .replace(/\n/, `\n|${rows[0]!.map(() => '---').join('|')}|\n`);
}

import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatCostModel, formatTable, runBenchmarks } from '../bench/run.ts';

// `npm run bench [-- --sizes 0,100,1000,10000 --runs 3 --seed 42 --compare-full]`: prints a table and writes bench/results/<time>.json.
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '0,100,1000,10000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
    'compare-full': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 0) || !(Number(values.runs) > 0)) {
  console.error(
    'candor bench: --sizes takes whole numbers separated by commas (e.g. 100,1000) and --runs a positive number.',
  );
  process.exit(2);
}
const options = {
  sizes,
  buildRuns: Number(values.runs),
  validateRuns: 7,
  seed: Number(values.seed),
  compareFull: values['compare-full'],
};
const results = await runBenchmarks(options, (line) => console.error(line));
const table = formatTable(results);
console.log(table);
console.log(formatCostModel(results));
await mkdir('bench/results', { recursive: true });
const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
await writeFile(file, `${JSON.stringify({ options, node: process.version, results }, null, 2)}\n`);
console.error(`Results written to ${file}`);

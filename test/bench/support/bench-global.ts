import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { TestProject } from 'vitest/node';
import { benchTable } from './bench-report.js';
import { benchScale, type RecordedFigure } from './bench-table.js';

/**
 * Global setup of the benchmark suite: starts an empty results file (`VIGIE_BENCH_RESULTS`, set by
 * the config), and at the end prints every bench file's figures as one table.
 */
export default function setup(project: TestProject): () => void {
  const file = process.env.VIGIE_BENCH_RESULTS!;
  const demoTemplate = project.config.env.VIGIE_BENCH_TEMPLATE!;
  writeFileSync(file, '');
  const started = performance.now();
  return () => {
    const figures = existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => JSON.parse(line) as RecordedFigure)
      : [];
    if (process.env.VIGIE_BENCH_RESULTS_TEMPORARY === '1') rmSync(file, { force: true });
    rmSync(demoTemplate, { force: true });
    const seconds = (performance.now() - started) / 1000;
    const missed = figures.filter((figure) => figure.summary.meetsTarget === false).length;
    console.log(
      `\nVigie benchmark suite (${benchScale()} scale): ${figures.length} figures in ${seconds.toFixed(0)} s.` +
        '\n× = Vigie ÷ baseline cost (time or memory; baseline ÷ Vigie for ops/s): 1.00× is as fast as the' +
        ' baseline, higher is slower. Median and tail (p95, or p99 where stated) over the repetitions (n = samples' +
        ' Vigie/baseline); absolute values in the unit shown.\n',
    );
    console.log(figures.length ? benchTable(figures) : 'No figure was recorded.');
    console.log(missed ? `\n${missed} target(s) missed.` : '');
  };
}

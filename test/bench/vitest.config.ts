import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Every bench file appends its figures here (JSON lines); the global teardown prints them as one table.
// Set VIGIE_BENCH_RESULTS to a path to keep the raw figures; otherwise a temporary file is used and removed.
if (!process.env.VIGIE_BENCH_RESULTS) {
  process.env.VIGIE_BENCH_RESULTS = join(tmpdir(), `vigie-bench-${process.pid}.jsonl`);
  process.env.VIGIE_BENCH_RESULTS_TEMPORARY = '1';
}

/**
 * The benchmarks: not part of `vitest run`. `pnpm bench` runs them at full size; `pnpm bench:smoke`
 * (VIGIE_BENCH_SCALE=smoke, part of `pnpm test`) at tiny sizes, checking only that every figure is finite.
 */
export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    name: 'bench',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/bench/**/*.bench.ts'],
    environment: 'node',
    globalSetup: ['test/bench/support/bench-global.ts'],
    setupFiles: ['test/bench/support/bench-setup.ts'],
    env: {
      VIGIE_BENCH_RESULTS: process.env.VIGIE_BENCH_RESULTS,
      // The demo database, seeded by the first bench file and copied by the others (support/bench-app.ts).
      VIGIE_BENCH_TEMPLATE: join(tmpdir(), `vigie-bench-${process.pid}-demo.db`),
    },
    // One benchmark at a time: on two cores, benchmarks run side by side would time each other.
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});

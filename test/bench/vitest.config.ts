import { defineConfig } from 'vitest/config';

/** The benchmarks: not part of `vitest run`, started by `pnpm bench`. */
export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    name: 'bench',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/bench/**/*.bench.ts'],
    environment: 'node',
    // One benchmark at a time: on two cores, benchmarks run side by side would time each other.
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});

import { defineConfig } from 'vitest/config';

/** The inventory benchmark: not part of `vitest run`, started by `pnpm bench`. */
export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    name: 'bench',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});

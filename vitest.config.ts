import { defineConfig } from 'vitest/config';

/** One vitest run covers every package: unit specs beside the code, API integration tests in test/. */
export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: ['shared/src/**/*.spec.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'server', include: ['server/src/**/*.spec.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'client', include: ['client/src/**/*.spec.{ts,tsx}'], environment: 'jsdom' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/faults/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startTestApp, type TestApp } from '../../integration/support/test-app.js';

/**
 * The real app with the demo data (a year of history), like `startTestApp()`, but seeded once per
 * suite: the first bench file snapshots its fresh database to `VIGIE_BENCH_TEMPLATE` (set by the
 * suite's config), the next ones start from a copy. Seeding costs several seconds per file otherwise.
 */
export async function startBenchApp(env: Record<string, string> = {}): Promise<TestApp> {
  const template = process.env.VIGIE_BENCH_TEMPLATE;
  if (!template) return startTestApp({ env });
  if (!existsSync(template)) {
    const app = await startTestApp({ env });
    const partial = `${template}.${process.pid}.partial`;
    const db = new Database(app.config.databaseFile);
    try {
      // A consistent snapshot of the live database, taken before the bench changes anything.
      db.prepare('vacuum into ?').run(partial);
    } finally {
      db.close();
    }
    renameSync(partial, template);
    return app;
  }
  const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-'));
  const file = join(dir, 'vigie.db');
  copyFileSync(template, file);
  const app = await startTestApp({ env: { DATABASE_URL: `file:${file}`, ...env } });
  return {
    ...app,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

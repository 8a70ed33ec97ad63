import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Removes this run's database folder (created by playwright.config.ts), and only that one. */
export default async function globalTeardown(): Promise<void> {
  const dataDir = process.env.VIGIE_E2E_DATA_DIR;
  if (dataDir && dataDir.startsWith(join(tmpdir(), 'vigie-e2e-'))) {
    await rm(dataDir, { recursive: true, force: true });
  }
}

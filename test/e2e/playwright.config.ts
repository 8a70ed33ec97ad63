import { cpSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const repoRoot = resolve(import.meta.dirname, '../..');

/** Asks the OS for a free port; the config is evaluated again in each worker, so the result goes in env. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

process.env.VIGIE_E2E_PORT ??= String(await freePort());
// A fresh database per run: the demo data is loaded at start and the tests add to it.
process.env.VIGIE_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'vigie-e2e-'));
// The server reads a copy of the procedure library, which procedures.spec.ts may break and reload.
if (!process.env.VIGIE_E2E_PROCEDURES_DIR) {
  process.env.VIGIE_E2E_PROCEDURES_DIR = join(process.env.VIGIE_E2E_DATA_DIR, 'procedures');
  cpSync(join(repoRoot, 'procedures'), process.env.VIGIE_E2E_PROCEDURES_DIR, { recursive: true });
}

const port = Number(process.env.VIGIE_E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalTeardown: './global-teardown.ts',
  outputDir: join(repoRoot, 'test-results/e2e'),
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    // The real production server, serving the built client (client/dist) on the same port.
    command: `"${process.execPath}" server/dist/main.js`,
    cwd: repoRoot,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${join(process.env.VIGIE_E2E_DATA_DIR, 'vigie.db')}`,
      VIGIE_DEMO: '1',
      VIGIE_PROCEDURES_DIR: process.env.VIGIE_E2E_PROCEDURES_DIR,
      LOG_LEVEL: 'warn',
    },
  },
});

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

export const repoRoot = resolve(import.meta.dirname, '../../..');
/** What `./vigie start` runs: fault tests exercise the production build, not the sources. */
export const builtServer = join(repoRoot, 'server/dist/main.js');

/** A TCP port nobody listens on now; the server keeps it across restarts, as a real one would. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export interface ServerProcessOptions {
  /** Folder of the SQLite file (`vigie.db`), the session secret and the evidence files. */
  dataDir: string;
  port: number;
  env?: Record<string, string>;
  /** A command the server runs under, e.g. `['prlimit', '--fsize=…', '--']`. */
  wrapper?: string[];
}

/**
 * The built server (`node server/dist/main.js`) as a child process on its own data folder, started
 * again on the same port and file after each stop or kill.
 */
export class ServerProcess {
  readonly url: string;
  readonly databaseFile: string;
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> = Promise.resolve(null);
  private output = '';

  constructor(private readonly options: ServerProcessOptions) {
    this.url = `http://127.0.0.1:${options.port}`;
    this.databaseFile = join(options.dataDir, 'vigie.db');
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines the server wrote, for failure messages. */
  get log(): string {
    return this.output.slice(-4000);
  }

  /** Everything the server wrote across its starts (the last 200 kB). */
  get fullLog(): string {
    return this.output;
  }

  /** Starts the server and resolves once `/api/health` answers 200; rejects if it exits first. */
  async start(timeoutMs = 60_000): Promise<void> {
    if (!existsSync(builtServer)) {
      throw new Error(`${builtServer} is missing: run \`pnpm build\` before the fault tests`);
    }
    const command = [...(this.options.wrapper ?? []), process.execPath, builtServer];
    this.output += `--- start at ${new Date().toISOString()}\n`;
    const child = spawn(command[0]!, command.slice(1), {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        PORT: String(this.options.port),
        HOST: '127.0.0.1',
        DATABASE_URL: `file:${this.databaseFile}`,
        CLIENT_DIST: join(this.options.dataDir, 'no-client'),
        LOG_LEVEL: 'warn',
        // Node's on-disk cache of compiled modules: restarts after a kill spend less time loading code.
        NODE_COMPILE_CACHE: join(tmpdir(), 'vigie-fault-tests-compile-cache'),
        ...this.options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-200_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.child = child;
    this.exited = new Promise((done) => child.once('exit', (code) => done(code)));

    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`the server exited during start:\n${this.log}`);
      try {
        const response = await fetch(`${this.url}/api/health`);
        if (response.status === 200) return;
      } catch {
        // Not listening yet.
      }
      await sleep(25);
    }
    throw new Error(`the server did not answer within ${timeoutMs} ms:\n${this.log}`);
  }

  /** SIGKILL: no shutdown hook, no flush, no close; the process is gone when this resolves. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** A clean stop (SIGTERM); resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (!this.running) return this.child?.exitCode ?? null;
    this.child?.kill('SIGTERM');
    const code = await Promise.race([this.exited, sleep(10_000).then(() => 'timeout' as const)]);
    if (code === 'timeout') {
      await this.kill();
      return null;
    }
    return code;
  }

  /** Resolves with the exit code once the process ends by itself. */
  waitForExit(): Promise<number | null> {
    return this.exited;
  }
}

/** Opens the database file read-only from outside the server, as an operator's tool would. */
export function withReadOnlyDatabase<T>(file: string, work: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    return work(db);
  } finally {
    db.close();
  }
}

export function integrityOf(file: string): string {
  return withReadOnlyDatabase(file, (db) =>
    (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((row) => row.integrity_check)
      .join('; '),
  );
}

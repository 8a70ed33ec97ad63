import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { livePath } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../server/src/config/app-config.js';
import { LiveClient } from '../integration/support/live-client.js';
import { signedIn, type ApiClient } from '../integration/support/test-app.js';

const main = join(repoRoot, 'server/dist/main.js');
const cli = join(repoRoot, 'server/dist/cli.js');
const password = 'a long passphrase for the slow client test';
/** The bound this test runs the server with (VIGIE_LIVE_QUEUE_KB), small so a short burst passes it. */
const queueKb = 64;
/** One incident note of the longest text allowed: an `incident.note-added` event of about 10 KB. */
const note = 'x'.repeat(10_000);
/** Notes per burst: 8 times the bound. */
const burst = Math.ceil((8 * queueKb * 1024) / note.length);

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** The server process's resident memory, as the kernel counts it. */
function residentBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error('no VmRSS');
  return Number(match[1]) * 1024;
}

/**
 * A dashboard that stops reading: an engine.io long-polling client (socket.io's first transport)
 * that signs in to the live channel, reads up to `ready`, then never polls again, like a tab the
 * browser froze. Everything the server emits to it waits in the server's buffer for it.
 */
class FrozenDashboard {
  private constructor(
    private readonly base: string,
    readonly seq: number,
  ) {}

  static async open(url: string, cookie: string): Promise<FrozenDashboard> {
    const open = await fetch(`${url}${livePath}/?EIO=4&transport=polling`, { headers: { cookie } });
    const { sid } = JSON.parse((await open.text()).slice(1)) as { sid: string };
    const base = `${url}${livePath}/?EIO=4&transport=polling&sid=${encodeURIComponent(sid)}`;
    // Join the default namespace, as socket.io-client does.
    expect((await fetch(base, { method: 'POST', body: '40' })).status).toBe(200);
    let received = '';
    while (!received.includes('["ready"')) received += await (await fetch(base)).text();
    const ready = /\["ready",(\{[^}]*\})\]/.exec(received);
    return new FrozenDashboard(base, (JSON.parse(ready![1]!) as { seq: number }).seq);
  }

  /** Polls once more: the events the server kept for it, or its refusal once it gave up. */
  async pollAgain(): Promise<{ status: number; events: number }> {
    const response = await fetch(this.base);
    const body = await response.text();
    return { status: response.status, events: body.split('42["event",').length - 1 };
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
};

/**
 * A dashboard that stops reading while the server emits many events must not make the server
 * hold them all, nor slow the other clients. The built server runs as a child process so that
 * its memory is measured alone (/proc/<pid>/status).
 */
describe('a frozen dashboard on the live channel', () => {
  let dir: string;
  let server: ChildProcess;
  let url: string;
  let admin: ApiClient;
  let incidentId: number;

  beforeAll(async () => {
    if (!existsSync(main)) throw new Error('server/dist/main.js is missing: run `pnpm build` first');
    // In memory when the machine has it: this test is about the live channel, not fsync.
    dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'vigie-slow-client-'));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      DATABASE_URL: `file:${join(dir, 'vigie.db')}`,
      VIGIE_DEMO: '0',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      VIGIE_TASK_SCHEDULER_SECONDS: '0',
      VIGIE_SLA_WATCH_SECONDS: '0',
      VIGIE_LIVE_QUEUE_KB: String(queueKb),
      VIGIE_ADMIN_PASSWORD: password,
    };
    const created = spawnSync(process.execPath, [cli, 'create-admin', '--username', 'alice'], {
      env,
      encoding: 'utf8',
    });
    expect(created.status, created.stderr).toBe(0);
    server = spawn(process.execPath, [main], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const deadline = Date.now() + 30_000;
    while (
      !(await fetch(`${url}/api/health`).then(
        (response) => response.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline || server.exitCode !== null) throw new Error('the server did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    admin = await signedIn(url, 'alice', password);
    const response = await admin.post('/api/incidents', {
      title: 'Noisy incident',
      description: 'Many notes',
      impact: 3,
      urgency: 3,
    });
    expect(response.status).toBe(201);
    incidentId = ((await response.json()) as { id: number }).id;
  });
  afterAll(() => {
    server?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Emits `count` incident notes, two requests at a time. */
  const emitBurst = async (count: number) => {
    let sent = 0;
    const worker = async () => {
      while (sent < count) {
        sent++;
        const response = await admin.post(`/api/incidents/${incidentId}/notes`, { text: note });
        expect(response.status).toBe(201);
      }
    };
    await Promise.all([worker(), worker()]);
  };

  it('drops it past the bound, keeps server memory flat, does not slow the others; it catches up by seq', async () => {
    const healthy = new LiveClient(url, admin.cookie);
    const arrivals = new Map<number, number>();
    healthy.socket.on('event', (envelope) => arrivals.set(envelope.seq, Date.now()));
    await healthy.ready();
    /** One burst: the server's memory growth, and each event's delay to the healthy client. */
    const phase = async () => {
      const already = healthy.events.length;
      const before = residentBytes(server.pid!);
      await emitBurst(burst);
      await healthy.until((events) => events.length === already + burst, 20_000);
      return {
        grown: residentBytes(server.pid!) - before,
        latencies: healthy.events
          .slice(already)
          .map((event) => arrivals.get(event.seq)! - Date.parse(event.at)),
      };
    };
    try {
      await phase(); // warm-up
      // The same burst without, then with a frozen dashboard connected.
      const reference = await phase();
      const frozen = await FrozenDashboard.open(url, admin.cookie!);
      const during = await phase();
      const kept = await frozen.pollAgain();

      console.log(
        'slow client',
        JSON.stringify({
          boundKiB: queueKb,
          pushedKiB: Math.round((burst * note.length) / 1024),
          referenceGrowthKiB: Math.round(reference.grown / 1024),
          frozenGrowthKiB: Math.round(during.grown / 1024),
          referenceP95ms: percentile(reference.latencies, 95),
          frozenP95ms: percentile(during.latencies, 95),
          kept,
        }),
      );

      // The server dropped the frozen client once past the bound: it kept nothing for it, and its
      // next poll is refused as an unknown session (socket.io then reconnects from scratch).
      expect(kept).toEqual({ status: 400, events: 0 });
      // Memory: no more than the same burst without it, give or take 16 MiB of heap noise.
      expect(during.grown).toBeLessThan(Math.max(reference.grown, 0) + 16 * 1024 * 1024);
      // The other client got every event, in order, and kept up: its 95th percentile delay no
      // worse than three times its own reference, give or take 250 ms on a shared machine.
      const seqs = healthy.events.map((event) => event.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(percentile(during.latencies, 95)).toBeLessThan(3 * percentile(reference.latencies, 95) + 250);

      // Reconnecting with the last seq it had, it gets exactly what it missed.
      const back = new LiveClient(url, admin.cookie, frozen.seq);
      try {
        expect(await back.ready()).toMatchObject({ resync: false });
        expect(back.events.map((event) => event.seq)).toEqual(seqs.filter((seq) => seq > frozen.seq));
      } finally {
        back.close();
      }
    } finally {
      healthy.close();
    }
  });
});

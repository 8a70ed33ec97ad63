import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Database from 'better-sqlite3';
import { livePath } from '@vigie/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type StoredLiveEvent, toEnvelope } from '../../server/src/realtime/live-envelope.js';
import { type ApiClient, signedIn, type TestApp } from '../integration/support/test-app.js';
import { startBenchApp } from './support/bench-app.js';
import { atScale, benchRuns, benchScale, recordFigure } from './support/bench-table.js';
import { BareLiveServer, DashboardFleet } from './support/dashboard-fleet.js';
import { assertDescriptorsFor } from './support/socket-fan-out.js';

// The live channel's own costs, on top of the demo data: server memory per connected dashboard, and
// how long 1,000 dashboards take to catch up after being offline while events were written. The
// dashboards run in a child process, so this process's memory and CPU are the server's alone.
const dashboards = atScale({ full: 1_000, smoke: 5 });
const memoryRuns = benchRuns(3, 2);
const catchUpRuns = benchRuns(4, 2);
/** How long the dashboards stay offline, with writes spread over that time. */
const offlineSeconds = Number(process.env.BENCH_OFFLINE_SECONDS ?? atScale({ full: 60, smoke: 1 }));
/** Incidents created per second while the dashboards are offline (each announces one staff event or more). */
const writesPerSecond = 2;
const staffUsers = ['coordinator', 'technician', 'manager', 'admin'];

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let t: TestApp;
let coordinator: ApiClient;
let cookies: string[];
let fleet: DashboardFleet;
let bare: BareLiveServer;
let db: Database.Database;

const vigie = () => ({ url: t.url, path: livePath, cookies });
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Heap and RSS after a full collection, in KB. */
function memory(): { heap: number; rss: number } {
  gc();
  gc();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed / 1024, rss: usage.rss / 1024 };
}

beforeAll(async () => {
  t = await startBenchApp();
  coordinator = await signedIn(t.url, 'coordinator');
  cookies = [];
  for (const username of staffUsers) cookies.push((await signedIn(t.url, username)).cookie!);
  db = new Database(t.config.databaseFile, { readonly: true });
  // The memory measurement keeps every round's dashboards connected: (1 + runs) × 2 fleets.
  assertDescriptorsFor(dashboards * 2 * (memoryRuns + 1));
  fleet = await DashboardFleet.start();
  bare = await BareLiveServer.start();
});
afterAll(async () => {
  fleet?.stop();
  await bare?.close();
  db?.close();
  await t?.close();
});

it('measures server memory per connected dashboard against bare socket.io', async () => {
  const targets = [vigie, () => bare.target];
  const growth = [
    { heap: [] as number[], rss: [] as number[] },
    { heap: [] as number[], rss: [] as number[] },
  ];
  // Dashboards pile up (none is closed until the end), so each round's growth is fresh memory, not memory
  // freed by the round before and reused. One small unmeasured round first: what is paid once.
  for (let run = -1; run < memoryRuns; run++) {
    for (const [index, target] of targets.entries()) {
      const count = run < 0 ? Math.ceil(dashboards / 10) : dashboards;
      const before = memory();
      await fleet.connect(target(), count);
      const after = memory();
      if (run < 0) continue;
      growth[index]!.heap.push((after.heap - before.heap) / count);
      growth[index]!.rss.push((after.rss - before.rss) / count);
    }
  }
  await fleet.close();
  const [vigieGrowth, bareGrowth] = growth as [(typeof growth)[0], (typeof growth)[0]];
  recordFigure({
    name: `server heap per dashboard (${dashboards} connected)`,
    baseline: 'bare socket.io server',
    unit: 'KB',
    better: 'lower',
    samples: vigieGrowth.heap,
    baselineSamples: bareGrowth.heap,
  });
  // A handful of smoke dashboards moves RSS by less than a page: RSS is a full-scale figure only.
  if (benchScale() === 'full')
    recordFigure({
      name: `server RSS per dashboard (${dashboards} connected)`,
      baseline: 'bare socket.io server',
      unit: 'KB',
      better: 'lower',
      samples: vigieGrowth.rss,
      baselineSamples: bareGrowth.rss,
    });
});

it('measures the catch-up of dashboards back from offline against bare socket.io re-sending', async () => {
  const lastSeq = await fleet.connect(vigie(), dashboards);
  await fleet.close();
  // Offline: incidents are created at a steady pace, each announced while nobody listens.
  const writes = Math.max(1, Math.round(offlineSeconds * writesPerSecond));
  const started = Date.now();
  for (let write = 0; write < writes; write++) {
    const response = await coordinator.post('/api/incidents', {
      title: `Bench: written while offline ${write}`,
      description: '',
      impact: 3,
      urgency: 3,
    });
    expect(response.status).toBe(201);
    await settle(Math.max(0, started + ((write + 1) * 1000) / writesPerSecond - Date.now()));
  }
  // What a staff dashboard missed: Vigie replays it from the database, the bare server from memory.
  const missed = (
    db
      .prepare('select seq, type, at, payload, rooms from live_event where seq > ? order by seq')
      .all(lastSeq) as StoredLiveEvent[]
  )
    .filter((event) => (JSON.parse(event.rooms) as string[]).includes('staff'))
    .map(toEnvelope);
  expect(missed.length).toBeGreaterThanOrEqual(writes);
  bare.log.push(...missed);
  const target = missed.at(-1)!.seq;

  const vigieTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let run = 0; run < catchUpRuns; run++) {
    vigieTimes.push(await fleet.catchUp(vigie(), dashboards, lastSeq, target));
    await fleet.close();
    bareTimes.push(await fleet.catchUp(bare.target, dashboards, lastSeq, target));
    await fleet.close();
    await settle(200);
  }
  recordFigure({
    name: `catch-up of ${dashboards} dashboards after ${offlineSeconds} s offline (${missed.length} events)`,
    baseline: 'bare socket.io reconnect + re-send',
    unit: 'ms',
    better: 'lower',
    samples: vigieTimes,
    baselineSamples: bareTimes,
  });
});

import { performance } from 'node:perf_hooks';
import { livePath, type CreateIncident, type Incident, type AnyLiveEnvelope } from '@vigie/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StoredLiveEvent } from '../../server/src/realtime/live-envelope.js';
import { LivePublisher } from '../../server/src/realtime/live-publisher.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from '../integration/support/test-app.js';
import {
  assertDescriptorsFor,
  BareFanOut,
  closeClients,
  connectClients,
  percentiles,
  ReceiptBoard,
  type Percentiles,
} from './support/socket-fan-out.js';

// Incidents under load, on top of the demo data (a year of history): how fast incidents are
// created and moved over HTTP, and how fast a committed change reaches N signed-in live clients,
// each beside a baseline measured in the same run.
const writes = Number(process.env.BENCH_INCIDENT_WRITES ?? 40);
const concurrency = 8;
const fanOutRuns = Number(process.env.BENCH_RUNS ?? 30);
const fanOutWarmUp = 5;
const clientCounts = [100, 1_000];
/** Staff sockets only: every one of them gets the same full `incident.created` in room `staff`. */
const staffUsers = ['coordinator', 'technician', 'manager', 'admin'];

let t: TestApp;
let coordinator: ApiClient;
let cookies: string[];
let deviceIds: number[];
/** When each live event left the Writer (right after its commit), by seq. */
const committedAt = new Map<number, number>();
/** The staff event of the last write, by the probe. */
let lastStaffSeq: number | undefined;

async function ok<T>(response: Promise<Response>, status: number): Promise<T> {
  const answer = await response;
  if (answer.status !== status) throw new Error(`${answer.status} ${await answer.text()}`);
  return (await answer.json()) as T;
}

let created = 0;
function newIncident(): CreateIncident {
  created += 1;
  return {
    title: `Bench: PSU alarm ${created}`,
    description: 'Raised by the incidents benchmark.',
    category: 'hardware',
    origin: 'monitoring',
    impact: 2,
    urgency: 2,
    major: false,
    siteId: null,
    roomId: null,
    rackIds: [],
    deviceIds: [deviceIds[created % deviceIds.length]!],
    assigneeId: null,
  };
}

const createIncident = () => ok<Incident>(coordinator.post('/api/incidents', newIncident()), 201);
const acknowledge = (incident: Incident) =>
  ok<Incident>(
    coordinator.post(`/api/incidents/${incident.id}/transitions`, {
      to: 'acknowledged',
      version: incident.version,
    }),
    200,
  );
const whoAmI = () => ok<unknown>(coordinator.get('/api/auth/me'), 200);

interface Throughput {
  perSecond: number;
  latency: Percentiles;
}

/** Runs `count` calls, `parallel` at a time; per-call latency and calls per second over the whole. */
async function throughput<T>(count: number, parallel: number, call: (index: number) => Promise<T>) {
  const latencies: number[] = [];
  const results: T[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const index = next++;
        const start = performance.now();
        results[index] = await call(index);
        latencies.push(performance.now() - start);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { results, measured: { perSecond: count / seconds, latency: percentiles(latencies) } };
}

/** Records the commit instant of every live event: the Writer hands them to the publisher right after commit. */
function probeCommits(publisher: LivePublisher): void {
  const emit = publisher.emit.bind(publisher);
  publisher.emit = (events: readonly StoredLiveEvent[]) => {
    const at = performance.now();
    for (const event of events) {
      committedAt.set(event.seq, at);
      if ((JSON.parse(event.rooms) as string[]).includes('staff')) lastStaffSeq = event.seq;
    }
    emit(events);
  };
}

beforeAll(async () => {
  const started = performance.now();
  t = await startTestApp();
  console.log(`app with demo data started in ${Math.round(performance.now() - started)} ms`);
  probeCommits(t.app.get(LivePublisher));
  coordinator = await signedIn(t.url, 'coordinator');
  const page = await ok<{ items: { id: number }[] }>(
    coordinator.get('/api/devices?limit=50&tenantId=1'),
    200,
  );
  deviceIds = page.items.map((device) => device.id);
  expect(deviceIds.length).toBeGreaterThan(10);
  // A few sessions shared by many sockets: each socket still passes the session check on connect.
  cookies = [];
  for (const username of staffUsers) cookies.push((await signedIn(t.url, username)).cookie!);
});
afterAll(async () => {
  await t?.close();
});

const ms = (value: number) => value.toFixed(2);
const ratio = (value: number, baseline: number) => (value / baseline).toFixed(2);

it('measures incident writes against a signed-in round trip', async () => {
  const rows: Record<string, string>[] = [];
  for (const parallel of [1, concurrency]) {
    const baseline = (await throughput(writes, parallel, whoAmI)).measured;
    const creates = await throughput(writes, parallel, createIncident);
    const transitions = (await throughput(writes, parallel, (index) => acknowledge(creates.results[index]!)))
      .measured;
    expect(creates.results.every((incident) => incident.reference.startsWith('INC-'))).toBe(true);
    for (const [name, measured] of [
      ['create', creates.measured],
      ['transition (acknowledge)', transitions],
    ] as [string, Throughput][]) {
      rows.push({
        write: name,
        concurrency: String(parallel),
        'per s': measured.perSecond.toFixed(0),
        'p50 ms': ms(measured.latency.p50),
        'p95 ms': ms(measured.latency.p95),
        'round trip p50 ms': ms(baseline.latency.p50),
        'p50 ×round trip': ratio(measured.latency.p50, baseline.latency.p50),
        'p95 ×round trip': ratio(measured.latency.p95, baseline.latency.p95),
      });
    }
  }
  console.log(
    `\nIncident writes over HTTP: ${writes} of each, sequential and ${concurrency} at a time, beside the ` +
      `signed-in round trip GET /api/auth/me at the same concurrency (commits are synchronous=FULL).`,
  );
  console.table(rows);
});

it('measures live fan-out to N signed-in clients against a bare socket.io broadcast', async () => {
  const rows: Record<string, string>[] = [];
  for (const clients of clientCounts) {
    assertDescriptorsFor(clients * 2);
    const board = new ReceiptBoard(clients);
    const specs = Array.from({ length: clients }, (_, index) => ({
      cookie: cookies[index % cookies.length],
    }));
    const connectStarted = performance.now();
    const sockets = await connectClients(t.url, livePath, specs, board);
    const connectMs = performance.now() - connectStarted;
    let envelope: AnyLiveEnvelope | undefined;
    sockets[0]!.on('event', (received: AnyLiveEnvelope) => {
      if (received.type === 'incident.created') envelope = received;
    });

    const vigie: number[] = [];
    const endToEnd: number[] = [];
    // One Vigie change, then the bare broadcast of what it sent: machine drift hits both alike.
    const vigieOnce = async (): Promise<[number, number]> => {
      lastStaffSeq = undefined;
      const sent = performance.now();
      await createIncident();
      const seq = lastStaffSeq;
      if (seq === undefined) throw new Error('no staff event for the write');
      const last = await board.allReceived(seq);
      return [last - committedAt.get(seq)!, last - sent];
    };
    await vigieOnce();
    if (!envelope) throw new Error('the first client got no incident.created');
    const bare = await BareFanOut.start(clients, 'staff');
    const baseline: number[] = [];
    try {
      for (let run = 0; run < fanOutWarmUp + fanOutRuns; run += 1) {
        const [fromCommit, fromRequest] = await vigieOnce();
        const bareMs = await bare.broadcast(envelope, 'staff');
        if (run < fanOutWarmUp) continue;
        vigie.push(fromCommit);
        endToEnd.push(fromRequest);
        baseline.push(bareMs);
      }
    } finally {
      await bare.close();
      closeClients(sockets);
    }
    const [v, b, e] = [percentiles(vigie), percentiles(baseline), percentiles(endToEnd)];
    rows.push({
      clients: String(clients),
      'payload bytes': String(JSON.stringify(envelope).length),
      'connect all ms': connectMs.toFixed(0),
      'commit→last p50 ms': ms(v.p50),
      'commit→last p95 ms': ms(v.p95),
      'bare p50 ms': ms(b.p50),
      'bare p95 ms': ms(b.p95),
      'p50 ×bare': ratio(v.p50, b.p50),
      'p95 ×bare': ratio(v.p95, b.p95),
      'request→last p50 ms': ms(e.p50),
    });
  }
  console.log(
    `\nLive fan-out of incident.created: ${fanOutRuns} changes per N (after ${fanOutWarmUp} warm-up), ` +
      `each followed by a bare socket.io broadcast of the same envelope; clients and servers share this process.`,
  );
  console.table(rows);
});

import { performance } from 'node:perf_hooks';
import { livePath, type CreateIncident, type Incident, type AnyLiveEnvelope } from '@vigie/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LivePublisher } from '../../server/src/realtime/live-publisher.js';
import { type ApiClient, signedIn, type TestApp } from '../integration/support/test-app.js';
import { startBenchApp } from './support/bench-app.js';
import {
  assertDescriptorsFor,
  BareFanOut,
  CommitProbe,
  closeClients,
  connectClients,
  ReceiptBoard,
} from './support/socket-fan-out.js';
import { atScale, benchRuns, recordFigure } from './support/bench-table.js';

// Incidents under load, on top of the demo data (a year of history): how many incidents per second
// are created and moved over HTTP, and how fast a committed change reaches N signed-in live
// clients, each beside a baseline measured in the same run.
/** Incidents created per repetition; each then goes through `lifecycle` (six transitions). */
const writes = Number(process.env.BENCH_INCIDENT_WRITES ?? atScale({ full: 200, smoke: 4 }));
const writeRuns = benchRuns(5, 2);
const concurrency = 8;
const fanOutRuns = benchRuns(30);
const fanOutWarmUp = atScale({ full: 5, smoke: 1 });
const clientCounts = atScale({ full: [100, 1_000], smoke: [5] });
/** Staff sockets only: every one of them gets the same full `incident.created` in room `staff`. */
const staffUsers = ['coordinator', 'technician', 'manager', 'admin'];

let t: TestApp;
let coordinator: ApiClient;
let cookies: string[];
let deviceIds: number[];
let commits: CommitProbe;

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
    sourceRunId: null,
  };
}

const createIncident = () => ok<Incident>(coordinator.post('/api/incidents', newIncident()), 201);
const whoAmI = () => ok<unknown>(coordinator.get('/api/auth/me'), 200);

/** The transitions each benchmark incident goes through, with the fields each one needs. */
const lifecycle: Record<string, unknown>[] = [
  { to: 'acknowledged' },
  { to: 'in_progress' },
  { to: 'pending', pendingReason: 'vendor' },
  { to: 'in_progress' },
  { to: 'mitigated', workaround: 'Load moved to the B feed' },
  { to: 'resolved', resolutionCode: 'replaced', solution: 'PSU replaced' },
];
const move = (incident: Incident, step: Record<string, unknown>) =>
  ok<Incident>(
    coordinator.post(`/api/incidents/${incident.id}/transitions`, { ...step, version: incident.version }),
    200,
  );

/** Runs `count` calls, `parallel` at a time; their results and the calls completed per second. */
async function throughput<T>(count: number, parallel: number, call: (index: number) => Promise<T>) {
  const results: T[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await call(index);
      }
    }),
  );
  return { results, opsPerSecond: count / ((performance.now() - start) / 1000) };
}

beforeAll(async () => {
  const started = performance.now();
  t = await startBenchApp();
  console.log(`app with demo data started in ${Math.round(performance.now() - started)} ms`);
  commits = new CommitProbe(t.app.get(LivePublisher), 'incident.created', 'staff');
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

it('measures incident creates and transitions per second against signed-in round trips', async () => {
  for (const parallel of [1, concurrency]) {
    const samples = { roundTrips: [] as number[], creates: [] as number[], transitions: [] as number[] };
    for (let run = 0; run < writeRuns; run += 1) {
      samples.roundTrips.push((await throughput(writes, parallel, whoAmI)).opsPerSecond);
      const creates = await throughput(writes, parallel, createIncident);
      expect(creates.results.every((incident) => incident.reference.startsWith('INC-'))).toBe(true);
      samples.creates.push(creates.opsPerSecond);
      // Every incident through the whole lifecycle, one step at a time across all of them.
      let incidents = creates.results;
      const start = performance.now();
      for (const step of lifecycle)
        incidents = (await throughput(incidents.length, parallel, (index) => move(incidents[index]!, step)))
          .results;
      samples.transitions.push((incidents.length * lifecycle.length) / ((performance.now() - start) / 1000));
      expect(incidents.every((incident) => incident.status === 'resolved')).toBe(true);
    }
    const baseline = `GET /api/auth/me per second, ${parallel} at a time`;
    recordFigure({
      name: `incident creates per second, ${parallel} at a time`,
      baseline,
      unit: 'ops/s',
      better: 'higher',
      samples: samples.creates,
      baselineSamples: samples.roundTrips,
    });
    recordFigure({
      name: `incident transitions per second (ack → work → pending → work → mitigated → resolved), ${parallel} at a time`,
      baseline,
      unit: 'ops/s',
      better: 'higher',
      samples: samples.transitions,
      baselineSamples: samples.roundTrips,
    });
  }
});

it('measures live fan-out to N signed-in clients against a bare socket.io broadcast', async () => {
  for (const clients of clientCounts) {
    assertDescriptorsFor(clients * 2);
    const board = new ReceiptBoard(clients);
    const specs = Array.from({ length: clients }, (_, index) => ({
      cookie: cookies[index % cookies.length],
    }));
    const sockets = await connectClients(t.url, livePath, specs, board);
    let envelope: AnyLiveEnvelope | undefined;
    sockets[0]!.on('event', (received: AnyLiveEnvelope) => {
      if (received.type === 'incident.created') envelope = received;
    });

    const vigie: number[] = [];
    const endToEnd: number[] = [];
    // One Vigie change, then the bare broadcast of what it sent: machine drift hits both alike.
    const vigieOnce = async (): Promise<[number, number]> => {
      const sent = performance.now();
      const { seq, committedAt } = await commits.around(createIncident);
      const last = await board.allReceived(seq);
      return [last - committedAt, last - sent];
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
    recordFigure({
      name: `incident.created, commit → last of ${clients} dashboards`,
      baseline: `bare socket.io broadcast to ${clients}`,
      unit: 'ms',
      better: 'lower',
      samples: vigie,
      baselineSamples: baseline,
    });
    recordFigure({
      name: `incident create request → last of ${clients} dashboards`,
      baseline: `bare socket.io broadcast to ${clients}`,
      unit: 'ms',
      better: 'lower',
      samples: endToEnd,
      baselineSamples: baseline,
    });
  }
});

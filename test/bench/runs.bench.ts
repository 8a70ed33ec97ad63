import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { type AnyLiveEnvelope, livePath, type RunDetail } from '@vigie/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectionPragmas } from '../../server/src/database/orm-config.js';
import { LivePublisher } from '../../server/src/realtime/live-publisher.js';
import { tempLibrary } from '../integration/support/run-fixtures.js';
import { countRows } from '../integration/support/sqlite.js';
import { type ApiClient, signedIn, type TestApp } from '../integration/support/test-app.js';
import { startBenchApp } from './support/bench-app.js';
import { atScale, benchRuns, recordFigure } from './support/bench-table.js';
import {
  assertDescriptorsFor,
  BareFanOut,
  closeClients,
  CommitProbe,
  connectClients,
  ReceiptBoard,
} from './support/socket-fan-out.js';

// Step sign-off under load: durable step records per second over HTTP (1 and 32 concurrent
// clients) and record → last of N live dashboards, each beside a baseline measured in the same run:
// raw better-sqlite3 inserts with the app's pragmas (WAL, synchronous=FULL), and a bare socket.io
// broadcast of the same payload to as many clients.
const stepsPerRun = 20;
const repetitions = benchRuns(5, 2);
const singleClientRecords = Number(process.env.BENCH_RUN_RECORDS ?? atScale({ full: 30, smoke: 4 }));
const concurrentClients = atScale({ full: 32, smoke: 4 });
const recordsPerConcurrentClient = atScale({ full: 5, smoke: 2 });
const fanOutSamples = Number(process.env.BENCH_FAN_OUT_SAMPLES ?? atScale({ full: 100, smoke: 3 }));
const fanOutWarmUp = atScale({ full: 5, smoke: 1 });
const dashboardCounts = atScale({ full: [100, 1_000], smoke: [5] });
/** Staff dashboards: every one gets `step.recorded` in room `staff`. */
const staffUsers = ['coordinator', 'technician', 'manager', 'admin'];

/** A realistic free-order checklist (20 steps): records in any order, a run detail of real size. */
const benchProcedure = `id: bench-round
title: { fr: Ronde de test, en: Bench round }
kind: SOP
risk: low
applies_to: [room]
categories: [inspection]
estimated_minutes: 30
phases:
  - id: round
    title: { fr: Ronde, en: Round }
    free_order: true
    steps:
${Array.from(
  { length: stepsPerRun },
  (_, index) =>
    `      - id: s${index}\n        text: { fr: Contrôle ${index}, en: Check ${index} }\n` +
    (index % 4 === 0
      ? `        reading: { label: { fr: Température, en: Temperature }, unit: '°C', min: 18, max: 27 }\n`
      : ''),
).join('')}`;

const library = tempLibrary({ 'sop/bench-round.yaml': benchProcedure });
let t: TestApp;
let technician: ApiClient;
let rawDir: string;
let raw: Database.Database;
let keyCounter = 0;
let rawInserted = 0;

async function startRuns(count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const response = await technician.post('/api/runs', { procedureId: 'bench-round' });
    if (response.status !== 201) throw new Error(`start: ${response.status} ${await response.text()}`);
    ids.push(((await response.json()) as RunDetail).id);
  }
  return ids;
}

/** One step record as a technician's device sends it: JSON body and an Idempotency-Key. */
async function record(runId: number, step: number): Promise<void> {
  keyCounter += 1;
  const body = step % 4 === 0 ? { outcome: 'done', reading: 21.5 } : { outcome: 'done' };
  const response = await technician.post(`/api/runs/${runId}/steps/s${step}`, body, {
    'Idempotency-Key': `bench-${process.pid}-${keyCounter}`,
  });
  if (response.status !== 201) throw new Error(`record: ${response.status} ${await response.text()}`);
  await response.arrayBuffer();
}

/** Records per second of `clients` concurrent clients, each signing every step of its own runs. */
async function httpRate(clients: number, recordsPerClient: number): Promise<number> {
  const runsPerClient = Math.ceil(recordsPerClient / stepsPerRun);
  const runIds = await startRuns(clients * runsPerClient);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; i < recordsPerClient; i++) {
        await record(runIds[client * runsPerClient + Math.floor(i / stepsPerRun)]!, i % stepsPerRun);
      }
    }),
  );
  return (clients * recordsPerClient) / ((performance.now() - started) / 1000);
}

/** The baseline: one autocommitted insert per record into a step_record-like table, same pragmas. */
const insertRaw = () => {
  const statement = raw.prepare(
    `insert into step_record (run_id, step_id, revision, outcome, reading_value, deviation, evidence, performed_by_id, performed_at)
     values (?, ?, 1, 'done', ?, 0, '[]', 1, ?)`,
  );
  return () => {
    rawInserted += 1;
    statement.run(1, `s${rawInserted}`, 21.5, Date.now());
  };
};
function rawRate(count: number): number {
  const insert = insertRaw();
  const started = performance.now();
  for (let i = 0; i < count; i++) insert();
  return count / ((performance.now() - started) / 1000);
}

beforeAll(async () => {
  t = await startBenchApp({ VIGIE_PROCEDURES_DIR: library.dir });
  technician = await signedIn(t.url, 'technician');
  rawDir = mkdtempSync(join(tmpdir(), 'vigie-raw-'));
  raw = new Database(join(rawDir, 'raw.db'));
  for (const pragma of connectionPragmas) raw.exec(pragma);
  raw.exec(`create table step_record (id integer primary key autoincrement, run_id integer not null, step_id text not null,
    revision integer not null, outcome text not null, reading_value real, deviation integer not null, evidence json not null,
    performed_by_id integer not null, performed_at datetime not null, unique (run_id, step_id, revision))`);
});
afterAll(async () => {
  raw?.close();
  if (rawDir) rmSync(rawDir, { recursive: true, force: true });
  await t?.close();
  library.close();
});

it('measures durable step records per second against raw inserts', async () => {
  expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(raw.pragma('synchronous', { simple: true })).toBe(2);
  // Warm-up: routes, statements, JIT.
  await httpRate(1, stepsPerRun);
  rawRate(50);

  const before = countRows(t.config.databaseFile, 'step_record');
  for (const [clients, perClient] of [
    [1, singleClientRecords],
    [concurrentClients, recordsPerConcurrentClient],
  ] as const) {
    const rates: number[] = [];
    const rawRates: number[] = [];
    // The disk's fsync speed drifts: each repetition times the baseline right before Vigie.
    for (let run = 0; run < repetitions; run++) {
      rawRates.push(rawRate(clients * perClient));
      rates.push(await httpRate(clients, perClient));
    }
    recordFigure({
      name: `durable step records, ${clients} client${clients > 1 ? 's' : ''} (${clients * perClient} per sample)`,
      baseline: 'raw insert, same pragmas',
      unit: 'ops/s',
      better: 'higher',
      samples: rates,
      baselineSamples: rawRates,
    });
  }
  // Every acknowledged record is in the database, once.
  expect(countRows(t.config.databaseFile, 'step_record') - before).toBe(
    repetitions * (singleClientRecords + concurrentClients * recordsPerConcurrentClient),
  );
});

it('measures step record → last of N dashboards against a bare socket.io broadcast', async () => {
  const commits = new CommitProbe(t.app.get(LivePublisher), 'step.recorded', 'staff');
  const cookies: string[] = [];
  for (const username of staffUsers) cookies.push((await signedIn(t.url, username)).cookie!);
  const runIds = await startRuns(
    Math.ceil((fanOutWarmUp + fanOutSamples) / stepsPerRun) * dashboardCounts.length,
  );
  let recorded = 0;
  const nextRecord = () => {
    const step = recorded++;
    return record(runIds[Math.floor(step / stepsPerRun)]!, step % stepsPerRun);
  };
  const insert = insertRaw();
  for (const dashboards of dashboardCounts) {
    assertDescriptorsFor(dashboards * 2);
    const board = new ReceiptBoard(dashboards);
    const specs = Array.from({ length: dashboards }, (_, index) => ({
      cookie: cookies[index % cookies.length],
    }));
    const sockets = await connectClients(t.url, livePath, specs, board);
    let envelope: AnyLiveEnvelope | undefined;
    sockets[0]!.on('event', (received: AnyLiveEnvelope) => {
      if (received.type === 'step.recorded') envelope = received;
    });
    const sampleOnce = async () => {
      const sent = performance.now();
      const { seq, committedAt } = await commits.around(nextRecord);
      const last = await board.allReceived(seq);
      return { fromCommit: last - committedAt, fromRequest: last - sent };
    };
    await sampleOnce();
    if (!envelope) throw new Error('the first dashboard got no step.recorded');
    const bare = await BareFanOut.start(dashboards, 'staff');
    const fromCommit: number[] = [];
    const fromRequest: number[] = [];
    const bareTimes: number[] = [];
    const durableFloor: number[] = [];
    try {
      // One Vigie record, then the bare broadcast of what it sent: machine drift hits both alike.
      for (let run = 0; run < fanOutWarmUp + fanOutSamples; run++) {
        const vigie = await sampleOnce();
        const bareMs = await bare.broadcast(envelope, 'staff');
        // The floor for "durable, then broadcast": a raw fsynced insert, then the bare broadcast.
        const floorStarted = performance.now();
        insert();
        await bare.broadcast(envelope, 'staff');
        const floor = performance.now() - floorStarted;
        if (run < fanOutWarmUp) continue;
        fromCommit.push(vigie.fromCommit);
        fromRequest.push(vigie.fromRequest);
        bareTimes.push(bareMs);
        durableFloor.push(floor);
      }
    } finally {
      await bare.close();
      closeClients(sockets);
    }
    recordFigure({
      name: `step record commit → last of ${dashboards} dashboards`,
      baseline: `bare socket.io broadcast to ${dashboards}`,
      unit: 'ms',
      better: 'lower',
      samples: fromCommit,
      baselineSamples: bareTimes,
      tail: 0.99,
    });
    recordFigure({
      name: `step record request → last of ${dashboards} dashboards`,
      baseline: `raw insert + bare broadcast to ${dashboards}`,
      unit: 'ms',
      better: 'lower',
      samples: fromRequest,
      baselineSamples: durableFloor,
      tail: 0.99,
    });
  }
});

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { type LiveEnvelope, livePath, type RunDetail } from '@vigie/shared';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectionPragmas } from '../../server/src/database/orm-config.js';
import { LiveClient } from '../integration/support/live-client.js';
import { tempLibrary } from '../integration/support/run-fixtures.js';
import { countRows } from '../integration/support/sqlite.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from '../integration/support/test-app.js';
import { percentiles } from './support/socket-fan-out.js';

// Step sign-off under load: durable step records per second over HTTP (1 and 32 concurrent
// clients) and record → live client latency, each beside a baseline measured in the same run:
// raw better-sqlite3 inserts with the app's pragmas (WAL, synchronous=FULL), and a bare socket.io
// broadcast of the same payload.
const stepsPerRun = 20;
const singleClientRecords = Number(process.env.BENCH_RUN_RECORDS ?? 200);
const concurrentClients = 32;
const recordsPerConcurrentClient = stepsPerRun;
const latencySamples = Number(process.env.BENCH_RUNS ?? 30);

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
  t = await startTestApp({ env: { VIGIE_PROCEDURES_DIR: library.dir } });
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
  // The disk's fsync speed drifts: the baseline is measured just before and just after, and averaged.
  const around = async (records: number, measure: () => Promise<number>) => {
    const before = rawRate(records);
    const rate = await measure();
    return { rate, raw: (before + rawRate(records)) / 2 };
  };
  const { rate: single, raw: rawSingle } = await around(singleClientRecords, () =>
    httpRate(1, singleClientRecords),
  );
  const { rate: concurrent, raw: rawConcurrent } = await around(
    concurrentClients * recordsPerConcurrentClient,
    () => httpRate(concurrentClients, recordsPerConcurrentClient),
  );
  // Every acknowledged record is in the database, once.
  expect(countRows(t.config.databaseFile, 'step_record') - before).toBe(
    singleClientRecords + concurrentClients * recordsPerConcurrentClient,
  );

  console.log(
    '\nRuns benchmark: durable step records per second. http = POST /api/runs/:id/steps/:stepId through Nest' +
      ' (session, guard, validation, Idempotency-Key, rules, record + verification read-back, progress, audit' +
      ' event, 2 live events, one transaction, answer = full run);\nraw = one better-sqlite3 autocommitted insert' +
      ' per record with the same pragmas (WAL, synchronous=FULL), same disk.',
  );
  console.table([
    {
      clients: 1,
      records: singleClientRecords,
      'http records/s': single.toFixed(0),
      'raw inserts/s': rawSingle.toFixed(0),
      'http ÷ raw': (single / rawSingle).toFixed(3),
    },
    {
      clients: concurrentClients,
      records: concurrentClients * recordsPerConcurrentClient,
      'http records/s': concurrent.toFixed(0),
      'raw inserts/s': rawConcurrent.toFixed(0),
      'http ÷ raw': (concurrent / rawConcurrent).toFixed(3),
    },
  ]);
});

it('measures record → live client latency against a bare socket.io broadcast', async () => {
  const coordinator = await signedIn(t.url, 'coordinator');
  const live = new LiveClient(t.url, coordinator.cookie);
  await live.ready();
  const runsNeeded = Math.ceil((latencySamples + 5) / stepsPerRun);
  const runIds = await startRuns(runsNeeded);
  const recordLatency: number[] = [];
  const recordThenBroadcast: number[] = [];
  let sample: LiveEnvelope | undefined;

  const received = (runId: number, stepId: string) =>
    new Promise<number>((resolve) => {
      const listener = (envelope: LiveEnvelope) => {
        if (envelope.type !== 'step.recorded') return;
        const payload = envelope.payload as LiveEnvelope<'step.recorded'>['payload'];
        if (payload.run.id !== runId || payload.record.stepId !== stepId) return;
        live.socket.off('event', listener);
        sample = envelope;
        resolve(performance.now());
      };
      live.socket.on('event', listener);
    });

  // Bare socket.io: same payload, one client in one room, nothing else.
  const http = createServer();
  const bare = new Server(http, { path: livePath, transports: ['websocket'] });
  bare.on('connection', (socket) => void socket.join('staff'));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const bareClient: Socket = io(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, {
    path: livePath,
    transports: ['websocket'],
    forceNew: true,
  });
  await new Promise<void>((resolve) => bareClient.once('connect', () => resolve()));
  await new Promise((resolve) => setTimeout(resolve, 50));
  const bareLatency: number[] = [];
  const broadcast = () =>
    new Promise<number>((resolve) => {
      const started = performance.now();
      bareClient.once('event', () => resolve(performance.now() - started));
      bare.to('staff').emit('event', sample);
    });
  const insert = insertRaw();

  try {
    for (let i = 0; i < latencySamples + 5; i++) {
      const runId = runIds[Math.floor(i / stepsPerRun)]!;
      const step = i % stepsPerRun;
      const arrival = received(runId, `s${step}`);
      const started = performance.now();
      await record(runId, step);
      const latency = (await arrival) - started;
      const bareTime = await broadcast();
      // The floor for "durable, then broadcast": a raw fsynced insert followed by the bare broadcast.
      const floorStarted = performance.now();
      insert();
      const floorReceived = await broadcast();
      const floor = performance.now() - floorStarted;
      expect(floorReceived).toBeGreaterThan(0);
      if (i < 5) continue;
      recordLatency.push(latency);
      bareLatency.push(bareTime);
      recordThenBroadcast.push(floor);
    }
  } finally {
    live.close();
    bareClient.close();
    await bare.close();
  }
  const vigie = percentiles(recordLatency);
  const bareP = percentiles(bareLatency);
  const floor = percentiles(recordThenBroadcast);
  expect(vigie.p95).toBeLessThan(1000);
  console.log(
    `\nRecord → live client (${latencySamples} samples, ${JSON.stringify(sample).length} bytes payload): time from sending` +
      ' the POST to the step.recorded event on a signed-in socket.io client;\nbare = socket.io emit → receipt of the same' +
      ' payload; raw+bare = one fsynced raw insert then the bare broadcast.',
  );
  console.table([
    { path: 'Vigie record → event', 'p50 ms': vigie.p50.toFixed(2), 'p95 ms': vigie.p95.toFixed(2) },
    { path: 'bare socket.io broadcast', 'p50 ms': bareP.p50.toFixed(2), 'p95 ms': bareP.p95.toFixed(2) },
    { path: 'raw insert + bare broadcast', 'p50 ms': floor.p50.toFixed(2), 'p95 ms': floor.p95.toFixed(2) },
  ]);
  console.log(
    `Vigie ÷ bare broadcast: p50 ${(vigie.p50 / bareP.p50).toFixed(1)}×, p95 ${(vigie.p95 / bareP.p95).toFixed(1)}×;` +
      ` Vigie ÷ (raw insert + broadcast): p50 ${(vigie.p50 / floor.p50).toFixed(1)}×, p95 ${(vigie.p95 / floor.p95).toFixed(1)}×`,
  );
});

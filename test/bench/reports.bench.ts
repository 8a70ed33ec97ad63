import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { RunDetail, SteeringReport } from '@vigie/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectionPragmas } from '../../server/src/database/orm-config.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from '../integration/support/test-app.js';
import { atScale, benchRuns, quantile, recordFigure } from './support/bench-table.js';
import { baselineSteeringReport, type BaselineReport } from './support/report-baseline-sql.js';
import { generateReportHistory, type HistorySizes, type ReportHistory } from './support/report-history.js';

// Issue 7, speed: the steering report of a large client over a year, through the API, against the
// same aggregates written by hand in SQL (≤ 1.5×); and step sign-off latency while reports run,
// against the same with no report (≤ 2×: the report's SQL runs in a worker thread).
const sizes: HistorySizes = atScale({
  full: { incidents: 50_000, stepRecords: 1_000_000, occurrences: 50_000, days: 365 },
  smoke: { incidents: 300, stepRecords: 6_000, occurrences: 400, days: 7 },
});
const reportRuns = benchRuns(5);
const latencySamples = atScale({ full: 80, smoke: 8 });
/** Latency is sampled idle and under load in turns, so drift in the machine's load hits both alike. */
const latencyRounds = atScale({ full: 3, smoke: 1 });

let dir: string;
let databaseFile: string;
let t: TestApp | undefined;
let history: ReportHistory;
let manager: ApiClient;
let technician: ApiClient;
let raw: Database.Database;
let reportPath: string;

/** The real app on the bench's database file; background timers off so that they land in no sample. */
const startApp = () =>
  startTestApp({
    env: {
      DATABASE_URL: `file:${databaseFile}`,
      VIGIE_SLA_WATCH_SECONDS: '0',
      VIGIE_TASK_SCHEDULER_SECONDS: '0',
    },
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-report-bench-'));
  databaseFile = join(dir, 'vigie.db');
  // First start: migrations and demo data. The history is written with the app stopped, then it starts again.
  await (await startApp()).close();
  const cpu = process.cpuUsage();
  history = generateReportHistory(databaseFile, {
    sizes,
    proceduresDir: new URL('../../procedures', import.meta.url).pathname,
  });
  console.log(
    `\nReports benchmark: history of ${history.tenantCode} over ${history.period.from} → ${history.period.to}` +
      ` written in ${(history.elapsedMs / 1000).toFixed(1)} s (${(process.cpuUsage(cpu).user / 1e6).toFixed(1)} s CPU)`,
  );
  console.table(history.counts);
  console.log(`generation phases (ms): ${JSON.stringify(history.phaseMs)}`);
  t = await startApp();
  manager = await signedIn(t.url, 'manager');
  technician = await signedIn(t.url, 'technician');
  raw = new Database(databaseFile);
  for (const pragma of connectionPragmas) raw.exec(pragma);
  reportPath = `/api/reports/steering?tenant=${history.tenantId}&from=${history.period.from}&to=${history.period.to}`;
});

afterAll(async () => {
  raw?.close();
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function apiReport(): Promise<SteeringReport> {
  const response = await manager.get(reportPath);
  if (response.status !== 200) throw new Error(`report: ${response.status} ${await response.text()}`);
  return (await response.json()) as SteeringReport;
}

function rawReport(): BaselineReport {
  const report = baselineSteeringReport(
    raw,
    { tenantId: history.tenantId, siteId: null, timeZone: history.timeZone },
    history.period,
    Date.now(),
  );
  JSON.stringify(report);
  return report;
}

it('times the steering report of a year through the API against the same aggregates in raw SQL', async () => {
  // Warm-up: the worker thread, statements, JIT; the answers are kept to compare.
  let started = performance.now();
  const api = await apiReport();
  const firstApiMs = performance.now() - started;
  started = performance.now();
  const baseline = rawReport();
  console.log(
    `first report: API ${(firstApiMs / 1000).toFixed(1)} s, raw SQL ${((performance.now() - started) / 1000).toFixed(1)} s;` +
      ` raw SQL per statement (ms): ${JSON.stringify(baseline.timings)}`,
  );
  const vigieMs: number[] = [];
  const rawMs: number[] = [];
  for (let run = 0; run < reportRuns; run++) {
    const turns = [
      async () => {
        const started = performance.now();
        await apiReport();
        vigieMs.push(performance.now() - started);
      },
      () => {
        const started = performance.now();
        rawReport();
        rawMs.push(performance.now() - started);
        return Promise.resolve();
      },
    ];
    for (const turn of run % 2 === 0 ? turns : turns.reverse()) await turn();
  }
  recordFigure({
    name: `steering report, ${atScale({ full: 'a year', smoke: 'a week' })} of a large client`,
    baseline: 'the same aggregates in raw SQL',
    unit: 'ms',
    better: 'lower',
    samples: vigieMs,
    baselineSamples: rawMs,
    targetRatio: 1.5,
  });
  // The ratio means something only if both computed the same figures.
  const differences = reportDifferences(api, baseline);
  if (differences.length) console.log(`API and raw SQL differ:\n${differences.join('\n')}`);
  expect(differences).toEqual([]);
  expect(api.current.volume.total).toBeGreaterThan(sizes.incidents * 0.9);
}, 1_800_000);

/** Daily rounds to sign, started as a technician does; every record is durable when the answer comes. */
class StepSigner {
  private run: RunDetail | undefined;
  private next = 0;
  private key = 0;
  signed = 0;
  readonly runIds: number[] = [];

  /** Signs the next step (starting a new round when the last one is all signed); resolves with the ms it took. */
  async sign(): Promise<number> {
    if (!this.run || this.next >= this.run.steps.length) await this.startRound();
    const step = this.run!.steps[this.next++]!;
    this.key += 1;
    const body = step.evidenceRequired
      ? { outcome: 'not_applicable', reason: 'Appareil photo indisponible' }
      : step.reading
        ? { outcome: 'done', reading: step.reading.min ?? step.reading.max ?? 20 }
        : { outcome: 'done' };
    const started = performance.now();
    const response = await technician.post(`/api/runs/${this.run!.id}/steps/${step.id}`, body, {
      'Idempotency-Key': `report-bench-${process.pid}-${this.key}`,
    });
    await response.arrayBuffer();
    const elapsed = performance.now() - started;
    if (response.status !== 201) throw new Error(`record ${step.id}: ${response.status}`);
    this.signed += 1;
    return elapsed;
  }

  private async startRound(): Promise<void> {
    const response = await technician.post('/api/runs', { procedureId: 'daily-inspection-round' });
    if (response.status !== 201) throw new Error(`start: ${response.status} ${await response.text()}`);
    this.run = (await response.json()) as RunDetail;
    this.run = { ...this.run, steps: this.run.steps.filter((step) => !step.rollback) };
    this.runIds.push(this.run.id);
    this.next = 0;
  }
}

it('times step records while steering reports run, against the same with no report', async () => {
  const signer = new StepSigner();
  for (let i = 0; i < 10; i++) await signer.sign();
  const idle: number[] = [];
  const loaded: number[] = [];
  let reports = 0;
  const perRound = Math.ceil(latencySamples / latencyRounds);
  for (let round = 0; round < latencyRounds; round++) {
    for (let i = 0; i < perRound; i++) idle.push(await signer.sign());
    // Reports back to back, as a manager reloading them would; the records are signed meanwhile.
    let stop = false;
    const reporting = (async () => {
      while (!stop) {
        const response = await manager.get(reportPath);
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`report: ${response.status}`);
        reports += 1;
      }
    })();
    for (let i = 0; i < perRound; i++) loaded.push(await signer.sign());
    stop = true;
    await reporting;
  }
  recordFigure({
    name: 'step record (durable) during steering reports',
    baseline: 'the same with no report running',
    unit: 'ms',
    better: 'lower',
    samples: loaded,
    baselineSamples: idle,
    targetRatio: 2,
  });
  console.log(
    `step records: idle p50 ${quantile(idle, 0.5).toFixed(1)} ms, p95 ${quantile(idle, 0.95).toFixed(1)} ms;` +
      ` during reports p50 ${quantile(loaded, 0.5).toFixed(1)} ms, p95 ${quantile(loaded, 0.95).toFixed(1)} ms` +
      ` (${reports} reports completed meanwhile)`,
  );
  expect(reports).toBeGreaterThan(0);
  // Every acknowledged record is stored.
  const stored = raw
    .prepare(`select count(*) as n from step_record where run_id in (${signer.runIds.join(', ')})`)
    .get() as { n: number };
  expect(stored.n).toBe(signer.signed);
}, 1_800_000);

/** Where the API's report and the hand-written SQL disagree (numbers within rounding), as readable lines. */
function reportDifferences(api: SteeringReport, baseline: BaselineReport): string[] {
  const differences: string[] = [];
  const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(0.06, Math.abs(b) * 1e-3);
  const compare = (path: string, actual: unknown, expected: unknown): void => {
    if (typeof expected === 'number' && typeof actual === 'number') {
      if (!close(actual, expected)) differences.push(`${path}: API ${actual}, SQL ${expected}`);
      return;
    }
    if (Array.isArray(expected) && Array.isArray(actual)) {
      const key = (item: unknown) => JSON.stringify(item);
      const sortedActual = (actual as unknown[]).slice().sort((a, b) => key(a).localeCompare(key(b)));
      const sortedExpected = (expected as unknown[]).slice().sort((a, b) => key(a).localeCompare(key(b)));
      if (sortedActual.length !== sortedExpected.length)
        differences.push(`${path}: API ${actual.length} items, SQL ${expected.length}`);
      else sortedExpected.forEach((item, index) => compare(`${path}[${index}]`, sortedActual[index], item));
      return;
    }
    if (expected !== null && typeof expected === 'object' && actual !== null && typeof actual === 'object') {
      for (const [key, value] of Object.entries(expected))
        compare(`${path}.${key}`, (actual as Record<string, unknown>)[key], value);
      return;
    }
    if (actual !== expected)
      differences.push(`${path}: API ${JSON.stringify(actual)}, SQL ${JSON.stringify(expected)}`);
  };
  compare('current', api.current, baseline.current);
  compare('previous', api.previous, baseline.previous);
  compare('weeks', api.weeks, baseline.weeks);
  compare('breaches.total', api.breaches.total, baseline.lists.breaches.total);
  compare(
    'breaches.incidents',
    api.breaches.items.map((item) => item.incident.id),
    baseline.lists.breaches.firstIncidentIds,
  );
  compare('majorIncidents.total', api.majorIncidents.total, baseline.lists.majorIncidents.total);
  compare('plannedWork.total', api.plannedWork.total, baseline.lists.plannedWork.total);
  compare(
    'plannedWork.runs',
    api.plannedWork.items.map((item) => item.run.id),
    baseline.lists.plannedWork.runIds,
  );
  compare('stepExceptions.total', api.stepExceptions.total, baseline.lists.stepExceptions.total);
  compare(
    'team',
    api.team.map((member) => ({
      userId: member.user.id,
      runs: member.runs,
      steps: member.steps,
      stepsByShift: member.stepsByShift,
    })),
    baseline.team.map(({ displayName: _name, ...member }) => member),
  );
  return differences;
}

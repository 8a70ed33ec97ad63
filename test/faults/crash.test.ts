import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  auditVerificationSchema,
  idempotencyKeyHeader,
  type AnyLiveEnvelope,
  type Incident,
  type IncidentTransition,
  type RecordStep,
  type RunDetail,
  type RunStep,
} from '@vigie/shared';
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { LiveClient } from '../integration/support/live-client.js';
import { ApiClient, signedIn } from '../integration/support/test-app.js';
import {
  freePort,
  integrityOf,
  ServerProcess,
  sleep,
  withReadOnlyDatabase,
} from './support/server-process.js';

const kills = 20;
/** Fixed seed: the same kill delays on every run (the moment a kill lands still varies with timing). */
const seed = 20261123;
const runWorkers = 3;
const incidentWorkers = 2;
/** Procedures of the library with few steps, so runs end and new ones start during the test. */
const procedures = ['remote-hands-request', 'visitor-escort'];
/** A transition as the worker sends it, before the version read is added. */
type Step = IncidentTransition extends infer T ? (T extends unknown ? Omit<T, 'version'> : never) : never;
/** The incident lifecycle each incident worker walks, a note after each transition. */
const lifecycle: Step[] = [
  { to: 'acknowledged' },
  { to: 'in_progress' },
  { to: 'mitigated', workaround: 'Traffic moved to the other path' },
  { to: 'resolved', resolutionCode: 'repaired', solution: 'Part replaced' },
  { to: 'closed' },
];

/** Small deterministic PRNG (mulberry32). */
function random(seedValue: number): () => number {
  let state = seedValue >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One write the load generator made, and what became of it. */
interface Write {
  kind: 'incident' | 'note' | 'transition' | 'run' | 'step';
  /** Unique text carried by the write (title, note, comment), to count it in the database. */
  token: string;
  /** Answered 2xx (possibly on a retry). */
  acknowledged: boolean;
  /** Sent at least once without getting an answer (the server died under it). */
  unanswered: boolean;
  /** The answer was a replay of the first one (`Idempotent-Replayed`). */
  replayed: boolean;
  /** Found committed after a crash, though never answered (transitions carry no key). */
  committedUnanswered?: boolean;
  id?: number;
  incidentId?: number;
  runId?: number;
  stepId?: string;
  to?: string;
}

interface Answer {
  status: number;
  body: unknown;
  replayed: boolean;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/**
 * Writes concurrently like several devices would: technicians start runs and tick steps, coordinators
 * open incidents, add notes and move them through their lifecycle. A request that gets no answer is
 * sent again once the server is back: with the same Idempotency-Key, or, for a versioned transition,
 * after reading whether it happened.
 */
class LoadGenerator {
  readonly writes: Write[] = [];
  readonly problems: string[] = [];
  private up = deferred();
  private stopping = false;
  private workers: Promise<void>[] = [];

  constructor(
    private readonly technician: ApiClient,
    private readonly coordinator: ApiClient,
  ) {}

  serverUp(): void {
    this.up.resolve();
  }

  serverDown(): void {
    this.up = deferred();
  }

  start(): void {
    for (let index = 0; index < runWorkers; index++) this.workers.push(this.guard(this.runWorker(index)));
    for (let index = 0; index < incidentWorkers; index++)
      this.workers.push(this.guard(this.incidentWorker()));
  }

  /** Lets every worker finish the write in hand (answered), then resolves. */
  async finish(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.workers);
  }

  private async guard(work: Promise<void>): Promise<void> {
    try {
      await work;
    } catch (error) {
      this.problems.push(error instanceof Error ? error.message : String(error));
    }
  }

  /** One attempt; undefined when the server died before answering (or was down). */
  private async attempt(
    client: ApiClient,
    method: string,
    path: string,
    body: unknown,
    key?: string,
  ): Promise<Answer | undefined> {
    await this.up.promise;
    try {
      const response = await client.request(method, path, body, key ? { [idempotencyKeyHeader]: key } : {});
      const text = await response.text();
      return {
        status: response.status,
        body: text ? (JSON.parse(text) as unknown) : null,
        replayed: response.headers.get('idempotent-replayed') === 'true',
      };
    } catch {
      return undefined;
    }
  }

  /** An idempotent write: sent again with the same key until answered; 2xx expected. */
  private async write(client: ApiClient, path: string, body: unknown, record: Write): Promise<unknown> {
    const key = randomUUID();
    this.writes.push(record);
    for (;;) {
      const answer = await this.attempt(client, 'POST', path, body, key);
      if (!answer) {
        record.unanswered = true;
        continue;
      }
      if (answer.status < 200 || answer.status >= 300) {
        throw new Error(`POST ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      }
      record.acknowledged = true;
      record.replayed = answer.replayed;
      return answer.body;
    }
  }

  private async read<T>(client: ApiClient, path: string): Promise<T> {
    for (;;) {
      const answer = await this.attempt(client, 'GET', path, undefined);
      if (answer?.status === 200) return answer.body as T;
      if (answer) throw new Error(`GET ${path} answered ${answer.status}`);
    }
  }

  private async runWorker(worker: number): Promise<void> {
    let count = 0;
    while (!this.stopping) {
      const procedureId = procedures[(worker + count++) % procedures.length]!;
      const start: Write = this.record('run');
      const run = (await this.write(this.technician, '/api/runs', { procedureId }, start)) as RunDetail;
      start.id = run.id;
      for (const step of run.steps.filter((candidate) => !candidate.rollback)) {
        if (this.stopping) return;
        const record: Write = { ...this.record('step'), runId: run.id, stepId: step.id };
        const answer = (await this.write(
          this.technician,
          `/api/runs/${run.id}/steps/${step.id}`,
          stepBody(step, record.token),
          record,
        )) as { record: { id: number } };
        record.id = answer.record.id;
      }
    }
  }

  private async incidentWorker(): Promise<void> {
    while (!this.stopping) {
      const opened: Write = this.record('incident');
      let incident = (await this.write(
        this.coordinator,
        '/api/incidents',
        { title: opened.token, description: 'Crash test load', impact: 3, urgency: 3 },
        opened,
      )) as Incident;
      opened.id = incident.id;
      for (const step of lifecycle) {
        if (this.stopping) return;
        const note: Write = { ...this.record('note'), incidentId: incident.id };
        const entry = (await this.write(
          this.coordinator,
          `/api/incidents/${incident.id}/notes`,
          { text: note.token },
          note,
        )) as { id: number };
        note.id = entry.id;
        incident = await this.transition(incident, step);
      }
    }
  }

  /** A versioned transition (no key): after a lost answer, read the incident to see whether it happened. */
  private async transition(incident: Incident, step: Step): Promise<Incident> {
    const record: Write = { ...this.record('transition'), incidentId: incident.id, to: step.to };
    this.writes.push(record);
    let current = incident;
    for (;;) {
      const body = { ...step, version: current.version, comment: record.token };
      const answer = await this.attempt(
        this.coordinator,
        'POST',
        `/api/incidents/${incident.id}/transitions`,
        body,
      );
      if (answer && answer.status === 200) {
        record.acknowledged = true;
        return answer.body as Incident;
      }
      if (answer && answer.status !== 409) {
        throw new Error(`transition to ${step.to} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      }
      if (!answer) record.unanswered = true;
      // Lost answer, or a stale version (the SLA watcher may have written): read where it stands.
      current = await this.read<Incident>(this.coordinator, `/api/incidents/${incident.id}`);
      if (current.status === step.to) {
        record.committedUnanswered = true;
        return current;
      }
    }
  }

  private record(kind: Write['kind']): Write {
    return {
      kind,
      token: `crash-${kind}-${randomUUID()}`,
      acknowledged: false,
      unanswered: false,
      replayed: false,
    };
  }
}

/** A valid signature for any step of the library: readings within range, evidence steps marked not applicable. */
function stepBody(step: RunStep, token: string): RecordStep {
  if (step.evidenceRequired) return { outcome: 'not_applicable', reason: token };
  if (step.reading)
    return { outcome: 'done', reading: step.reading.min ?? step.reading.max ?? 0, comment: token };
  return { outcome: 'done', comment: token };
}

const count = (db: Database.Database, sql: string, ...params: unknown[]) =>
  (db.prepare(sql).get(...params) as { n: number }).n;

/** Transitions of an incident as its timeline stored them, oldest first. */
function storedTransitions(db: Database.Database, incidentId: number): string[] {
  return (
    db
      .prepare(
        "select details from incident_timeline_entry where incident_id = ? and kind = 'transition' order by id",
      )
      .all(incidentId) as { details: string }[]
  ).map((row) => (JSON.parse(row.details) as { to: string }).to);
}

/**
 * What the database file must hold for the writes made so far. `settled`: every write was answered
 * (or found committed); otherwise the writes in flight at the crash may or may not be there.
 */
function checkWrites(
  db: Database.Database,
  writes: readonly Write[],
  settled: boolean,
  runsBefore: number,
): string[] {
  const problems: string[] = [];
  const expect1 = (what: string, actual: number) => {
    if (actual !== 1) problems.push(`${what}: found ${actual} times`);
  };
  const audited = (action: string, entityType: string, entityId: number, token?: string) =>
    count(
      db,
      `select count(*) as n from audit_event where action = ? and entity_type = ? and entity_id = ?${token ? ' and after like ?' : ''}`,
      action,
      entityType,
      String(entityId),
      ...(token ? [`%${token}%`] : []),
    );
  for (const write of writes.filter((candidate) => candidate.acknowledged)) {
    switch (write.kind) {
      case 'incident':
        expect1(
          `incident ${write.token}`,
          count(db, 'select count(*) as n from incident where title = ?', write.token),
        );
        expect1(`audit of incident ${write.id}`, audited('incident.create', 'Incident', write.id!));
        break;
      case 'note':
        expect1(
          `note ${write.token}`,
          count(
            db,
            "select count(*) as n from incident_timeline_entry where incident_id = ? and kind = 'note' and details like ?",
            write.incidentId,
            `%${write.token}%`,
          ),
        );
        expect1(
          `audit of note ${write.token}`,
          audited('incident.note', 'Incident', write.incidentId!, write.token),
        );
        break;
      case 'transition':
        expect1(
          `audit of ${write.to} of incident ${write.incidentId}`,
          audited(`incident.${write.to}`, 'Incident', write.incidentId!),
        );
        break;
      case 'run':
        expect1(
          `run ${write.id}`,
          count(db, 'select count(*) as n from procedure_run where id = ?', write.id),
        );
        expect1(`audit of run ${write.id}`, audited('run.start', 'ProcedureRun', write.id!));
        break;
      case 'step':
        expect1(
          `record of step ${write.stepId} of run ${write.runId}`,
          count(
            db,
            'select count(*) as n from step_record where run_id = ? and step_id = ?',
            write.runId,
            write.stepId,
          ),
        );
        expect1(
          `record ${write.token}`,
          count(
            db,
            'select count(*) as n from step_record where id = ? and (comment = ? or reason = ?)',
            write.id,
            write.token,
            write.token,
          ),
        );
        expect1(`audit of record ${write.id}`, audited('step.record', 'StepRecord', write.id!));
        break;
    }
  }

  // Each incident's stored transitions are exactly the ones made, in order, once each.
  const byIncident = new Map<number, Write[]>();
  for (const write of writes.filter((candidate) => candidate.kind === 'transition')) {
    byIncident.set(write.incidentId!, [...(byIncident.get(write.incidentId!) ?? []), write]);
  }
  for (const [incidentId, transitions] of byIncident) {
    const stored = storedTransitions(db, incidentId);
    const done = transitions.filter((write) => write.acknowledged || write.committedUnanswered);
    const expected = ['new', ...done.map((write) => write.to!)];
    const inFlight = transitions.filter((write) => !write.acknowledged && !write.committedUnanswered);
    const matches = settled
      ? JSON.stringify(stored) === JSON.stringify(expected)
      : JSON.stringify(stored.slice(0, expected.length)) === JSON.stringify(expected) &&
        stored.length <= expected.length + inFlight.length;
    if (!matches)
      problems.push(`incident ${incidentId}: stored ${stored.join('→')}, made ${expected.join('→')}`);
  }

  if (settled) {
    // No run was started twice: as many runs as start requests.
    const starts = writes.filter((write) => write.kind === 'run').length;
    const runs = count(db, 'select count(*) as n from procedure_run') - runsBefore;
    if (runs !== starts) problems.push(`${runs} runs stored for ${starts} start requests`);
  }
  return problems;
}

/** Every live event received announces a change that is in the file: its seq and its entity. */
function checkLiveEvents(db: Database.Database, events: readonly AnyLiveEnvelope[]): string[] {
  const problems: string[] = [];
  const exists = (sql: string, id: number) => count(db, sql, id) === 1;
  for (const event of events) {
    const stored = db.prepare('select type from live_event where seq = ?').get(event.seq) as
      { type: string } | undefined;
    if (stored?.type !== event.type) problems.push(`live event ${event.seq} ${event.type} is not stored`);
    const payload = event.payload as { id?: number; record?: { id: number }; entry?: { id: number } };
    const entityFound =
      event.type === 'incident.created' || event.type === 'incident.updated'
        ? exists('select count(*) as n from incident where id = ?', payload.id!)
        : event.type === 'incident.note-added'
          ? exists('select count(*) as n from incident_timeline_entry where id = ?', payload.entry!.id)
          : event.type === 'run.started' || event.type === 'run.updated'
            ? exists('select count(*) as n from procedure_run where id = ?', payload.id!)
            : event.type === 'step.recorded'
              ? exists('select count(*) as n from step_record where id = ?', payload.record!.id)
              : true;
    if (!entityFound)
      problems.push(`live event ${event.seq} ${event.type} announces a change that is not stored`);
  }
  return problems;
}

describe('crash: the server killed with SIGKILL at random moments under load', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigie-crash-'));
  let server: ServerProcess | undefined;
  const liveClients: LiveClient[] = [];

  afterAll(async () => {
    for (const live of liveClients) live.close();
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged write exactly once, audited and intact across ${kills} kills`, async () => {
    const next = random(seed);
    server = new ServerProcess({ dataDir, port: await freePort() });
    // The demo data is seeded at the first start only; every restart finds it.
    await server.start();
    const technician = await signedIn(server.url, 'technician');
    const coordinator = await signedIn(server.url, 'coordinator');
    const admin = await signedIn(server.url, 'admin');
    const runsBefore = withReadOnlyDatabase(server.databaseFile, (db) =>
      count(db, 'select count(*) as n from procedure_run'),
    );

    const load = new LoadGenerator(technician, coordinator);
    const received: AnyLiveEnvelope[] = [];
    const crashProblems: string[] = [];
    load.serverUp();
    load.start();

    for (let kill = 1; kill <= kills; kill++) {
      const live = new LiveClient(server.url, technician.cookie);
      liveClients.push(live);
      await live.ready();
      await sleep(100 + next() * 600);
      load.serverDown();
      await server.kill();
      live.close();
      received.push(...live.events);

      // The file exactly as the crash left it (no recovery by the server yet).
      const integrity = integrityOf(server.databaseFile);
      if (integrity !== 'ok') crashProblems.push(`after kill ${kill}: integrity_check ${integrity}`);
      withReadOnlyDatabase(server.databaseFile, (db) => {
        for (const problem of [
          ...checkWrites(db, load.writes, false, runsBefore),
          ...checkLiveEvents(db, received),
        ]) {
          crashProblems.push(`after kill ${kill}: ${problem}`);
        }
      });

      await server.start();
      load.serverUp();
    }

    await load.finish();
    if (load.problems.length > 0) console.log(server.fullLog);
    expect(load.problems).toEqual([]);
    expect(crashProblems).toEqual([]);

    // Settled: every write was answered; the live server's own view agrees.
    expect(integrityOf(server.databaseFile)).toBe('ok');
    withReadOnlyDatabase(server.databaseFile, (db) => {
      expect(checkWrites(db, load.writes, true, runsBefore)).toEqual([]);
      expect(checkLiveEvents(db, received)).toEqual([]);
    });
    const verification = auditVerificationSchema.parse(await (await admin.get('/api/audit/verify')).json());
    expect(verification).toMatchObject({ ok: true, firstBroken: null });

    // The test did what it claims: many writes, some cut off by a kill and sent again, events seen.
    const summary = {
      writes: load.writes.length,
      acknowledged: load.writes.filter((write) => write.acknowledged || write.committedUnanswered).length,
      unanswered: load.writes.filter((write) => write.unanswered).length,
      replayed: load.writes.filter((write) => write.replayed).length,
      liveEvents: received.length,
    };
    console.log('crash test', summary);
    expect(summary.acknowledged).toBe(summary.writes);
    expect(summary.writes).toBeGreaterThan(kills * 3);
    expect(summary.unanswered).toBeGreaterThan(0);
    expect(summary.liveEvents).toBeGreaterThan(0);
    expect(verification.checked).toBeGreaterThan(summary.writes / 2);
  }, 420_000);
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import { Logger } from '@nestjs/common';
import type { ProcedureCategory } from '@vigie/shared';
import type { Database } from 'better-sqlite3';
import { incidentReferenceOf } from '../../incidents/incident-reference.js';
import { wallClockMs } from '../../incidents/sla/zoned-time.js';
import type { LoadedProcedure } from '../../procedures/library-validator.js';
import { EvidenceStore } from '../../runs/evidence-store.js';
import { planOf, type PlannedStep } from '../../runs/run-plan.js';
import type { SeededRandom } from './seeded-random.js';
import { nativeClientOf } from '../native-database.js';

const msPerMinute = 60_000;
const msPerDay = 86_400_000;

/** Where the history reads its procedures and keeps its evidence photo. */
export interface DemoRunSources {
  procedures: readonly LoadedProcedure[];
  proceduresDir: string;
  dataDir: string;
}

export interface DemoRunCounts {
  runs: number;
  records: number;
}

interface Staff {
  technicians: number[];
  coordinators: number[];
}

/** A run to write: its procedure, context, people and times; its records follow from the plan. */
interface RunSpec {
  procedure: LoadedProcedure;
  contextKind: 'incident' | 'occurrence' | 'none';
  contextId: number | null;
  contextLabel: string | null;
  siteId: number | null;
  performer: number;
  verifier: number;
  startedAt: number;
  endedAt: number;
  outcome: 'completed' | 'rolled_back' | 'aborted';
}

/** The EOP a coordinator reaches for, by incident category. */
const emergencyProcedureOf: Partial<Record<ProcedureCategory, string>> = {
  cooling: 'cooling-unit-failure',
  environment: 'room-temperature-high',
  power: 'ups-on-battery',
  water: 'water-leak-detected',
  fire: 'fire-alarm-gas-suppression',
  network: 'network-uplink-loss',
};

const skipReasons = [
  'Équipement consigné pour maintenance',
  'Accès à la zone impossible pendant la ronde',
  'Capteur déposé, relevé fait sur l’afficheur local',
];
const deviationReasons = [
  'Valeur hors plage : filtre encrassé, ticket ouvert',
  'Pic ponctuel pendant un test client, revenu dans la plage',
];
const abortReasons = ['Fenêtre de maintenance annulée par le client'];

/** A tiny PNG standing for the photos technicians attach where a step asks for evidence. */
const demoPhoto = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

function readStaff(db: Database): Staff {
  const ids = (role: string) =>
    (
      db.prepare('select id from app_user where role = ? and active = 1 order by id').all(role) as {
        id: number;
      }[]
    ).map((row) => row.id);
  return { technicians: ids('technician'), coordinators: [...ids('coordinator'), ...ids('admin')] };
}

/** A reading as a careful technician takes it: inside the range, now and then just outside it. */
function readingOf(random: SeededRandom, step: PlannedStep['step'], outOfRange: boolean): number {
  const reading = step.reading!;
  const min = reading.min ?? (reading.max !== undefined ? reading.max * 0.5 : 0);
  const max = reading.max ?? min * 1.5 + 10;
  if (outOfRange) return Math.round((reading.max !== undefined ? max * 1.08 : min * 0.9) * 10) / 10;
  return Math.round((min + (max - min) * (0.25 + random.next() * 0.5)) * 10) / 10;
}

/**
 * Writes the runs and their records with the database's own statements, inside the seeding
 * transaction: what the runs service would have written, step by step, for these people and times.
 */
class RunWriter {
  runs = 0;
  records = 0;
  private readonly insertRun;
  private readonly insertRecord;
  private readonly insertVerification;
  private readonly insertEvidence;
  private readonly linkOccurrence;
  private readonly pinned = new Set<string>();

  constructor(
    private readonly db: Database,
    private readonly random: SeededRandom,
    private readonly photo: string,
    private readonly proceduresDir: string,
  ) {
    this.insertRun = db.prepare(
      `insert into procedure_run (procedure_version_hash, procedure_id, context_kind, context_id, context_label, site_id,
         state, abort_reason, started_by_id, started_at, assignee_id, ended_by_id, ended_at, signed_steps, required_steps,
         total_steps, awaiting_verification, failed_steps, out_of_range_steps, version)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    );
    this.insertRecord = db.prepare(
      `insert into step_record (run_id, step_id, revision, supersedes, outcome, reading_value, reading_unit,
         reading_min, reading_max, in_range, deviation, comment, reason, evidence, performed_by_id, performed_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?)`,
    );
    this.insertVerification = db.prepare(
      'insert into step_verification (record_id, verified_by_id, verified_at, comment) values (?, ?, ?, null)',
    );
    this.insertEvidence = db.prepare(
      `insert into run_evidence (run_id, sha256, name, content_type, size, uploaded_by_id, uploaded_at)
       values (?, ?, 'photo.png', 'image/png', ?, ?, ?)`,
    );
    this.linkOccurrence = db.prepare('update task_occurrence set run_id = ? where id = ?');
  }

  /** The version row a run pins, as the runs service keeps it at the first run. */
  private pin(loaded: LoadedProcedure, at: number): void {
    if (this.pinned.has(loaded.version)) return;
    this.pinned.add(loaded.version);
    const source = readFileSync(join(this.proceduresDir, loaded.file), 'utf8');
    this.db
      .prepare(
        `insert or ignore into procedure_version (hash, procedure_id, file, source, content, pinned_at)
         values (?, ?, ?, ?, ?, ?)`,
      )
      .run(loaded.version, loaded.procedure.id, loaded.file, source, JSON.stringify(loaded.procedure), at);
  }

  write(spec: RunSpec): number {
    this.pin(spec.procedure, spec.startedAt);
    const plan = planOf(spec.procedure.procedure);
    const required = plan.steps.filter((planned) => !planned.rollback);
    // An aborted run stops part-way; a rolled-back one signs its rollback steps after the main ones.
    const signedSteps =
      spec.outcome === 'aborted' ? required.slice(0, Math.max(1, Math.floor(required.length / 3))) : required;
    const steps =
      spec.outcome === 'rolled_back'
        ? [...signedSteps, ...plan.steps.filter((planned) => planned.rollback)]
        : signedSteps;
    const runId = Number(
      this.insertRun.run(
        spec.procedure.version,
        spec.procedure.procedure.id,
        spec.contextKind,
        spec.contextId,
        spec.contextLabel,
        spec.siteId,
        spec.outcome === 'aborted' ? 'aborted' : 'completed',
        spec.outcome === 'aborted' ? this.random.pick(abortReasons) : null,
        spec.performer,
        spec.startedAt,
        spec.performer,
        spec.performer,
        spec.endedAt,
        0,
        required.length,
        plan.steps.length,
        0,
        0,
        1,
      ).lastInsertRowid,
    );
    this.runs += 1;
    if (steps.some((planned) => planned.step.evidence)) {
      this.insertEvidence.run(
        runId,
        this.photo,
        demoPhoto.length,
        spec.performer,
        spec.startedAt + msPerMinute,
      );
    }
    const span = Math.max(steps.length, 1);
    let signed = 0;
    let failed = 0;
    let outOfRange = 0;
    steps.forEach((planned, index) => {
      const at = Math.round(spec.startedAt + ((spec.endedAt - spec.startedAt) * (index + 0.5)) / span);
      const result = this.writeStep(runId, planned, at, spec);
      if (!planned.rollback && result.outcome !== 'failed') signed += 1;
      if (result.outcome === 'failed') failed += 1;
      if (result.outOfRange) outOfRange += 1;
    });
    this.db
      .prepare(
        'update procedure_run set signed_steps = ?, failed_steps = ?, out_of_range_steps = ? where id = ?',
      )
      .run(spec.outcome === 'aborted' ? signed : required.length, failed, outOfRange, runId);
    if (spec.contextKind === 'occurrence') this.linkOccurrence.run(runId, spec.contextId);
    return runId;
  }

  private writeStep(
    runId: number,
    planned: PlannedStep,
    at: number,
    spec: RunSpec,
  ): { outcome: string; outOfRange: boolean } {
    const { step } = planned;
    const skip = !step.critical && !step.evidence && this.random.chance(0.015);
    const outOfRange = !skip && step.reading !== undefined && this.random.chance(0.03);
    const corrected = !skip && step.reading !== undefined && this.random.chance(0.01);
    const outcome = skip ? this.random.pick(['skipped', 'not_applicable'] as const) : 'done';
    const reason = skip
      ? this.random.pick(skipReasons)
      : outOfRange
        ? this.random.pick(deviationReasons)
        : null;
    const evidence = JSON.stringify(!skip && step.evidence ? [this.photo] : []);
    const value = !skip && step.reading ? readingOf(this.random, step, outOfRange) : null;
    const reading = step.reading && value !== null ? step.reading : undefined;
    let revision = 1;
    let supersedes: number | null = null;
    if (corrected && reading) {
      // A slip of the finger, corrected a minute later: both records stay, the second one counts.
      supersedes = this.record(
        runId,
        planned,
        1,
        null,
        'done',
        value! * 10,
        reading,
        { inRange: false, deviation: false },
        null,
        evidence,
        spec.performer,
        at,
      );
      revision = 2;
    }
    const recordId = this.record(
      runId,
      planned,
      revision,
      supersedes,
      outcome,
      value,
      reading,
      { inRange: !outOfRange, deviation: outOfRange },
      corrected ? 'Correction : virgule mal placée' : reason,
      evidence,
      spec.performer,
      at + (corrected ? msPerMinute : 0),
    );
    if (step.critical && !skip) {
      this.insertVerification.run(recordId, spec.verifier, at + this.random.int(2, 15) * msPerMinute);
    }
    return { outcome, outOfRange };
  }

  private record(
    runId: number,
    planned: PlannedStep,
    revision: number,
    supersedes: number | null,
    outcome: string,
    value: number | null,
    reading: PlannedStep['step']['reading'],
    verdict: { inRange: boolean; deviation: boolean },
    reason: string | null,
    evidence: string,
    performer: number,
    at: number,
  ): number {
    this.records += 1;
    return Number(
      this.insertRecord.run(
        runId,
        planned.step.id,
        revision,
        supersedes,
        outcome,
        value,
        reading ? reading.unit : null,
        reading?.min ?? null,
        reading?.max ?? null,
        reading && value !== null ? (verdict.inRange ? 1 : 0) : null,
        verdict.deviation ? 1 : 0,
        reason,
        evidence,
        performer,
        at,
      ).lastInsertRowid,
    );
  }
}

function occurrenceRuns(
  db: Database,
  byId: ReadonlyMap<string, LoadedProcedure>,
): Omit<RunSpec, 'performer' | 'verifier'>[] {
  const rows = db
    .prepare(
      `select o.id, o.scheduled_at as scheduledAt, o.started_at as startedAt, o.done_at as doneAt,
              t.procedure_id as procedureId, t.title, s.id as siteId, s.time_zone as timeZone
       from task_occurrence o join recurring_task t on t.id = o.task_id join site s on s.id = o.site_id
       where o.state = 'done' order by o.id`,
    )
    .all() as {
    id: number;
    scheduledAt: number;
    startedAt: number;
    doneAt: number;
    procedureId: string;
    title: string;
    siteId: number;
    timeZone: string;
  }[];
  return rows.flatMap((row) => {
    const procedure = byId.get(row.procedureId);
    if (!procedure) return [];
    const local = new Date(wallClockMs(row.timeZone, row.scheduledAt))
      .toISOString()
      .slice(0, 16)
      .replace('T', ' ');
    return [
      {
        procedure,
        contextKind: 'occurrence' as const,
        contextId: row.id,
        contextLabel: `${row.title} · ${local}`.slice(0, 300),
        siteId: row.siteId,
        startedAt: row.startedAt,
        endedAt: row.doneAt,
        outcome: 'completed' as const,
      },
    ];
  });
}

function incidentRuns(
  db: Database,
  random: SeededRandom,
  byId: ReadonlyMap<string, LoadedProcedure>,
): Omit<RunSpec, 'performer' | 'verifier'>[] {
  const rows = db
    .prepare(
      `select id, title, category, site_id as siteId, acknowledged_at as acknowledgedAt,
              coalesce(mitigated_at, resolved_at) as restoredAt
       from incident where acknowledged_at is not null and coalesce(mitigated_at, resolved_at) is not null
       and category is not null order by id`,
    )
    .all() as {
    id: number;
    title: string;
    category: ProcedureCategory;
    siteId: number | null;
    acknowledgedAt: number;
    restoredAt: number;
  }[];
  return rows.flatMap((row) => {
    const procedureId = emergencyProcedureOf[row.category];
    const procedure = procedureId ? byId.get(procedureId) : undefined;
    if (!procedure || row.restoredAt <= row.acknowledgedAt || !random.chance(0.35)) return [];
    return [
      {
        procedure,
        contextKind: 'incident' as const,
        contextId: row.id,
        contextLabel: `${incidentReferenceOf(row.id)} · ${row.title}`.slice(0, 300),
        siteId: row.siteId,
        startedAt: row.acknowledgedAt + random.int(2, 10) * msPerMinute,
        endedAt: row.restoredAt,
        outcome: 'completed' as const,
      },
    ];
  });
}

/** Planned changes over the year besides the monthly load test: mostly clean, one rolled back, one aborted. */
function plannedChanges(
  db: Database,
  random: SeededRandom,
  byId: ReadonlyMap<string, LoadedProcedure>,
  now: number,
): Omit<RunSpec, 'performer' | 'verifier'>[] {
  const changes: Omit<RunSpec, 'performer' | 'verifier'>[] = [];
  // Planned changes are done on the demo's (first) site.
  const site = db.prepare('select id from site order by id limit 1').get() as { id: number } | undefined;
  const plan = [
    ...Array.from({ length: 8 }, () => 'pdu-replacement'),
    ...Array.from({ length: 3 }, () => 'ups-maintenance-bypass'),
  ];
  plan.forEach((procedureId, index) => {
    const procedure = byId.get(procedureId);
    if (!procedure) return;
    // Spread over the year, on weekday mornings (maintenance windows), never in the last fortnight.
    const day = now - (350 - index * 30 - random.int(0, 10)) * msPerDay;
    const startedAt = Math.floor(day / msPerDay) * msPerDay + 8 * 60 * msPerMinute;
    const minutes = procedure.procedure.estimated_minutes ?? 120;
    changes.push({
      procedure,
      contextKind: 'none',
      contextId: null,
      contextLabel: null,
      siteId: site?.id ?? null,
      startedAt,
      endedAt: startedAt + Math.round(minutes * (0.8 + random.next() * 0.5)) * msPerMinute,
      outcome: index === 4 ? 'rolled_back' : index === 7 ? 'aborted' : 'completed',
    });
  });
  return changes;
}

/**
 * A year of procedure runs behind the demo's history: a run for every recurring occurrence done,
 * emergency procedures followed on about a third of the incidents they apply to, and planned
 * changes (one rolled back, one aborted). Records are signed by the demo staff at plausible times,
 * mostly clean, with a few skips, out-of-range readings and corrections, each with its reason;
 * critical steps verified by a second person. Bulk written so the demo still starts fast.
 */
export async function createDemoRunHistory(
  em: EntityManager,
  random: SeededRandom,
  sources: DemoRunSources,
  now: Date,
): Promise<DemoRunCounts> {
  const started = Date.now();
  const db = await nativeClientOf(em);
  const staff = readStaff(db);
  if (staff.technicians.length === 0 || staff.coordinators.length === 0) return { runs: 0, records: 0 };
  const byId = new Map(sources.procedures.map((loaded) => [loaded.procedure.id, loaded]));
  const photo = new EvidenceStore(sources.dataDir).save(demoPhoto);
  const writer = new RunWriter(db, random, photo, sources.proceduresDir);
  const specs = [
    ...occurrenceRuns(db, byId),
    ...incidentRuns(db, random, byId),
    ...plannedChanges(db, random, byId, now.getTime()),
  ].sort((a, b) => a.startedAt - b.startedAt);
  for (const spec of specs) {
    // Rounds and checks mostly by technicians, sometimes the coordinator; a coordinator verifies.
    const performer = random.chance(0.8) ? random.pick(staff.technicians) : random.pick(staff.coordinators);
    const verifier = random.pick(staff.coordinators.filter((id) => id !== performer));
    writer.write({ ...spec, performer, verifier });
  }
  new Logger('DemoData').log(
    `Procedure runs: ${writer.runs} runs, ${writer.records} step records in ${Date.now() - started} ms`,
  );
  return { runs: writer.runs, records: writer.records };
}

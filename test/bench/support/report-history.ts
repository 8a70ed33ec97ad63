import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  parseRrule,
  type IncidentStatus,
  type Priority,
  type SlaMetric,
  type SlaPolicy,
} from '@vigie/shared';
import { SeededRandom } from '../../../server/src/database/seeders/seeded-random.js';
import { boardRankOf } from '../../../server/src/incidents/incident-board-rank.js';
import { defaultIncidentSlaPolicy } from '../../../server/src/incidents/incident-default-sla-policy.js';
import { incidentReferenceOf } from '../../../server/src/incidents/incident-reference.js';
import { isoDateOfDay, localDayOf } from '../../../server/src/incidents/sla/zoned-time.js';
import { validateLibrary } from '../../../server/src/procedures/library-validator.js';
import { planOf, type PlannedStep } from '../../../server/src/runs/run-plan.js';
import { occurrencesOf } from '../../../server/src/tasks/recurrence.js';

/**
 * A year (or `days`) of history for one large client, written straight into a database the real
 * app has migrated and seeded (the app stopped meanwhile): incidents with their SLA clocks, tenants,
 * racks and timelines (pending, reopen, breaches, escalations), procedure runs of the library's
 * pinned versions with their step records, verifications and evidence, and the recurring programme's
 * occurrences. Prepared statements in one transaction: a million records in seconds, not minutes.
 */

export interface HistorySizes {
  /** Incidents of the client (others' incidents are added on top: a tenth as many). */
  incidents: number;
  /** Step records in all (the client's occurrence and incident runs, then runs without context). */
  stepRecords: number;
  /** Task occurrences, most of them on the client's racks and rooms. */
  occurrences: number;
  /** Days of history, ending now. */
  days: number;
}

export interface ReportHistory {
  tenantId: number;
  tenantCode: string;
  /** The local dates the history covers, for the report: `days` days ending yesterday. */
  period: { from: string; to: string };
  timeZone: string;
  /** Rows written per table. */
  counts: Record<string, number>;
  phaseMs: Record<string, number>;
  elapsedMs: number;
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** The client whose report is measured: Novabank, the demo's 24x7 contract, made large here. */
const clientCode = 'NOVA';
const benchRacks = 100;

interface Pinned {
  hash: string;
  id: string;
  kind: 'EOP' | 'SOP' | 'MOP';
  title: string;
  steps: PlannedStep[];
}

interface TaskSpec {
  title: string;
  procedureId: string;
  rrule: string;
  leadMinutes: number;
  graceMinutes: number;
  roomId: number | null;
  rackId: number | null;
}

type RunFate = 'completed' | 'aborted' | 'rolled_back';

interface RunRequest {
  procedure: Pinned;
  contextKind: 'incident' | 'occurrence' | 'none';
  contextId: number | null;
  contextLabel: string | null;
  startedAt: number;
  fate: RunFate;
  /** At most this many step records (the last run of the history may stop half way). */
  maxRecords?: number;
}

interface RunResult {
  id: number;
  state: 'in_progress' | 'completed' | 'aborted';
  endedAt: number | null;
  records: number;
}

const reasons = {
  skipped: ['Équipement consigné par le mainteneur', 'Accès à la zone interdit pendant les travaux'],
  not_applicable: ['Équipement absent de cette salle', 'Déjà contrôlé lors de la ronde précédente'],
  failed: ['Valeur hors plage, incident ouvert', 'Alarme non acquittable'],
  deviation: ['Relevé pris sur l’afficheur de secours', 'Ordre des contrôles adapté à la salle'],
  correction: ['Erreur de saisie corrigée'],
};
const pendingReasons = ['client', 'vendor', 'parts', 'window', 'access'] as const;
const resolutionCodes = ['repaired', 'replaced', 'reconfigured', 'vendor_fixed', 'self_recovered'] as const;
const origins = ['monitoring', 'monitoring', 'monitoring', 'client', 'round', 'staff'] as const;
const categoryProcedures: Record<string, string[]> = {
  cooling: ['cooling-unit-failure', 'room-temperature-high'],
  power: ['ups-on-battery', 'generator-fails-to-start'],
  water: ['water-leak-detected'],
  fire: ['fire-alarm-gas-suppression'],
  network: ['network-uplink-loss'],
  hardware: ['hot-swap-disk-replacement'],
  'client-request': ['remote-hands-request', 'client-rack-and-stack'],
  access: ['visitor-escort'],
  security: ['visitor-escort'],
  environment: ['room-temperature-high'],
};
const categories = Object.keys(categoryProcedures);
const adHocProcedures = [
  'visitor-escort',
  'client-rack-and-stack',
  'remote-hands-request',
  'hot-swap-disk-replacement',
];
const technicianNames = [
  'Julien Morel',
  'Amandine Roux',
  'Yanis Haddad',
  'Claire Fontaine',
  'Bastien Leroy',
  'Nadia Cherif',
  'Hugo Lambert',
  'Léa Garnier',
  'Mehdi Benali',
  'Sarah Lefèvre',
  'Thomas Girard',
  'Inès Marchal',
];

/**
 * Priority from impact × urgency (the default matrix; P0 is the major override). Client impact
 * (impact 1–2) is rare, most incidents touch one device with no client impact (impact 3).
 */
function priorityOf(random: SeededRandom): { priority: Priority; impact: number; urgency: number } {
  const roll = random.next();
  if (roll < 0.001) return { priority: 'P0', impact: 1, urgency: 1 };
  if (roll < 0.002) return { priority: 'P1', impact: 1, urgency: 1 };
  if (roll < 0.006) return { priority: 'P2', impact: 2, urgency: 1 };
  if (roll < 0.008) return { priority: 'P3', impact: 2, urgency: 2 };
  if (roll < 0.26) return { priority: 'P3', impact: 3, urgency: 1 };
  return { priority: 'P4', impact: 3, urgency: random.chance(0.4) ? 2 : 3 };
}

/** Contract minutes as a share of the target: mostly within, some breaches (a long tail). */
function shareOfTarget(random: SeededRandom, breachRate: number): number {
  return random.chance(breachRate) ? 1.05 + random.next() * random.next() * 4 : 0.05 + random.next() * 0.9;
}

/** Pauses of a clock: [start, end) wall intervals during which contract time does not run. */
type Pauses = readonly (readonly [number, number])[];

/** The instant `minutes` of contract time after `from`, skipping the pauses. */
function afterContractMinutes(from: number, minutes: number, pauses: Pauses): number {
  let at = from;
  let left = minutes * minute;
  for (const [start, end] of pauses) {
    if (start >= at + left) break;
    if (end <= at) continue;
    left -= Math.max(0, start - at);
    at = end;
  }
  return Math.round(at + left);
}

function pausedBetween(from: number, to: number, pauses: Pauses): number {
  return pauses.reduce(
    (sum, [start, end]) => sum + Math.max(0, Math.min(end, to) - Math.max(start, from)),
    0,
  );
}

interface TimelineLine {
  at: number;
  authorId: number | null;
  kind: 'transition' | 'note' | 'sla_warning' | 'sla_breach' | 'escalation';
  details: Record<string, unknown>;
}

/** The tables that take most rows: their indexes are rebuilt once at the end rather than row by row. */
const bulkTables = [
  'step_record',
  'step_verification',
  'run_evidence',
  'procedure_run',
  'incident',
  'incident_sla_clock',
  'incident_timeline_entry',
  'incident_tenants',
  'incident_racks',
  'task_occurrence',
];

/** Runs `write` with the tables' indexes dropped, then creates them again exactly as the migrations did. */
function withoutIndexes<T>(db: Database.Database, tables: readonly string[], write: () => T): T {
  const indexes = db
    .prepare(
      `select name, sql from sqlite_master where type = 'index' and sql is not null
       and tbl_name in (${tables.map(() => '?').join(', ')})`,
    )
    .all(...tables) as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`drop index "${index.name}"`);
  const result = write();
  for (const index of indexes) db.exec(index.sql);
  return result;
}

export function generateReportHistory(
  databaseFile: string,
  options: { sizes: HistorySizes; proceduresDir: string; now?: number; seed?: number },
): ReportHistory {
  const started = performance.now();
  const db = new Database(databaseFile);
  try {
    // The app is stopped and the file is a throwaway copy: no journal while loading, WAL again after.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    db.pragma('cache_size = -200000');
    const writer = new HistoryWriter(
      db,
      options.sizes,
      options.proceduresDir,
      options.now ?? Date.now(),
      options.seed,
    );
    const counts = db.transaction(() => withoutIndexes(db, bulkTables, () => writer.write()))();
    db.pragma('journal_mode = WAL');
    return {
      tenantId: writer.tenantId,
      tenantCode: clientCode,
      period: writer.period,
      timeZone: writer.timeZone,
      counts,
      phaseMs: writer.phaseMs,
      elapsedMs: performance.now() - started,
    };
  } finally {
    db.close();
  }
}

class HistoryWriter {
  readonly tenantId: number;
  readonly timeZone: string;
  readonly period: { from: string; to: string };
  private readonly random: SeededRandom;
  private readonly start: number;
  private readonly siteId: number;
  private readonly contractId: number | null;
  private readonly policy: SlaPolicy;
  private readonly otherTenants: number[];
  private readonly clientRacks: number[] = [];
  private readonly rooms: number[];
  private readonly technicians: number[] = [];
  private readonly coordinators: number[];
  private readonly procedures = new Map<string, Pinned>();
  private readonly nextIds = new Map<string, number>();
  private readonly counts: Record<string, number> = {};
  /** Where the time went, per phase of the generation. */
  readonly phaseMs: Record<string, number> = {};
  private readonly hasSourceRun: boolean;
  /** MOP runs that went wrong: an incident is raised from some of them. */
  private readonly troubledChanges: { runId: number; endedAt: number }[] = [];
  private readonly statements: ReturnType<HistoryWriter['prepare']>;

  constructor(
    private readonly db: Database.Database,
    private readonly sizes: HistorySizes,
    private readonly proceduresDir: string,
    private readonly now: number,
    seed = 20261123,
  ) {
    this.random = new SeededRandom(seed);
    this.start = now - sizes.days * day;
    const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;
    const site = one<{ id: number; time_zone: string }>('select id, time_zone from site order by id limit 1');
    this.siteId = site.id;
    this.timeZone = site.time_zone;
    const today = localDayOf(this.timeZone, now);
    this.period = { from: isoDateOfDay(today - sizes.days), to: isoDateOfDay(today - 1) };
    this.tenantId = one<{ id: number }>('select id from tenant where code = ?', clientCode).id;
    const contract = one<{ id: number; sla_policy: string } | undefined>(
      'select id, sla_policy from contract where tenant_id = ? order by id limit 1',
      this.tenantId,
    );
    this.contractId = contract?.id ?? null;
    this.policy = JSON.parse(contract?.sla_policy ?? 'null') as SlaPolicy;
    this.otherTenants = (
      db.prepare('select id from tenant where id != ? order by id').all(this.tenantId) as { id: number }[]
    ).map((row) => row.id);
    this.rooms = (
      db.prepare('select id from room where site_id = ? order by id').all(this.siteId) as { id: number }[]
    ).map((row) => row.id);
    this.coordinators = (
      db.prepare(`select id from app_user where role in ('coordinator', 'admin') order by id`).all() as {
        id: number;
      }[]
    ).map((row) => row.id);
    this.hasSourceRun = (
      db.prepare(`select name from pragma_table_info('incident')`).all() as { name: string }[]
    ).some((column) => column.name === 'source_run_id');
    this.statements = this.prepare();
  }

  write(): Record<string, number> {
    const phases: [string, () => void][] = [
      ['technicians', () => this.addTechnicians()],
      ['room', () => this.addClientRoom()],
      ['library', () => this.pinLibrary()],
      ['occurrences', () => this.writeOccurrences()],
      ['incidents', () => this.writeIncidents(this.sizes.incidents, true)],
      ['others', () => this.writeIncidents(Math.round(this.sizes.incidents / 10), false)],
      ['fill', () => this.fillRuns()],
      ['troubled', () => this.linkTroubledChanges()],
    ];
    for (const [name, phase] of phases) {
      const started = performance.now();
      phase();
      this.phaseMs[name] = Math.round(performance.now() - started);
    }
    return this.counts;
  }

  private prepare() {
    const insert = (table: string, columns: string[], verb = 'insert') =>
      this.db.prepare(
        `${verb} into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
    return {
      user: insert('app_user', [
        'username',
        'display_name',
        'role',
        'tenant_id',
        'locale',
        'password_hash',
        'active',
        'version',
        'created_at',
        'updated_at',
      ]),
      room: insert('room', [
        'site_id',
        'name',
        'grid_columns',
        'grid_rows',
        'version',
        'created_at',
        'updated_at',
      ]),
      rack: insert('rack', [
        'room_id',
        'name',
        'row_label',
        'grid_x',
        'grid_y',
        'u_height',
        'power_budget_kw',
        'max_weight_kg',
        'status',
        'tenant_id',
        'version',
        'created_at',
        'updated_at',
      ]),
      version: insert(
        'procedure_version',
        ['hash', 'procedure_id', 'file', 'source', 'content', 'pinned_at'],
        'insert or ignore',
      ),
      task: insert('recurring_task', [
        'id',
        'title',
        'procedure_id',
        'site_id',
        'room_id',
        'rack_id',
        'rrule',
        'start_date',
        'lead_minutes',
        'grace_minutes',
        'team',
        'assignee_id',
        'active',
        'planned_until',
        'version',
        'created_at',
        'updated_at',
      ]),
      occurrence: insert('task_occurrence', [
        'id',
        'task_id',
        'site_id',
        'scheduled_at',
        'available_at',
        'due_at',
        'state',
        'run_id',
        'started_at',
        'done_at',
        'lateness_minutes',
        'cancel_reason',
        'version',
      ]),
      run: insert('procedure_run', [
        'id',
        'procedure_version_hash',
        'procedure_id',
        'context_kind',
        'context_id',
        'context_label',
        'state',
        'abort_reason',
        'started_by_id',
        'started_at',
        'assignee_id',
        'ended_by_id',
        'ended_at',
        'signed_steps',
        'required_steps',
        'total_steps',
        'awaiting_verification',
        'failed_steps',
        'out_of_range_steps',
        'version',
      ]),
      record: insert('step_record', [
        'id',
        'run_id',
        'step_id',
        'revision',
        'supersedes',
        'outcome',
        'reading_value',
        'reading_unit',
        'reading_min',
        'reading_max',
        'in_range',
        'deviation',
        'comment',
        'reason',
        'evidence',
        'performed_by_id',
        'performed_at',
        'device_time',
      ]),
      verification: insert('step_verification', ['record_id', 'verified_by_id', 'verified_at', 'comment']),
      evidence: insert('run_evidence', [
        'run_id',
        'sha256',
        'name',
        'size',
        'content_type',
        'uploaded_by_id',
        'uploaded_at',
      ]),
      incident: insert('incident', [
        'id',
        'title',
        'description',
        'category',
        'origin',
        'impact',
        'urgency',
        'major',
        'priority',
        'status',
        'pending_reason',
        'resolution_code',
        'solution',
        'cancellation_reason',
        'site_id',
        'room_id',
        'tenants_derived',
        'assignee_id',
        'workaround',
        'root_cause',
        'escalation_level',
        'sla_contract_id',
        'board_rank',
        'next_due_at',
        'opened_at',
        'acknowledged_at',
        'mitigated_at',
        'resolved_at',
        'closed_at',
        'cancelled_at',
        'created_by_id',
        'updated_by_id',
        'version',
        'created_at',
        'updated_at',
      ]),
      tenantLink: insert('incident_tenants', ['incident_id', 'tenant_id']),
      rackLink: insert('incident_racks', ['incident_id', 'rack_id']),
      entry: insert('incident_timeline_entry', ['incident_id', 'at', 'author_id', 'kind', 'details']),
      clock: insert('incident_sla_clock', [
        'incident_id',
        'metric',
        'state',
        'target_minutes',
        'due_at',
        'warn_at',
        'elapsed_minutes',
        'paused_minutes',
        'stopped_at',
        'breached_at',
        'warning_recorded_at',
        'breach_recorded_at',
      ]),
    };
  }

  private count(table: string, rows = 1): void {
    this.counts[table] = (this.counts[table] ?? 0) + rows;
  }

  private nextId(table: string): number {
    let next = this.nextIds.get(table);
    if (next === undefined)
      next =
        ((this.db.prepare(`select coalesce(max(id), 0) as id from ${table}`).get() as { id: number }).id ??
          0) + 1;
    this.nextIds.set(table, next + 1);
    this.count(table);
    return next;
  }

  /** A dozen more technicians (same password as the demo's): the team figures have people to rank. */
  private addTechnicians(): void {
    const demo = this.db
      .prepare(`select id, password_hash from app_user where role = 'technician' order by id`)
      .all() as {
      id: number;
      password_hash: string;
    }[];
    this.technicians.push(...demo.map((row) => row.id));
    for (const [index, name] of technicianNames.entries()) {
      const result = this.statements.user.run(
        `bench-tech-${index + 1}`,
        name,
        'technician',
        null,
        'fr',
        demo[0]!.password_hash,
        1,
        1,
        this.start,
        this.start,
      );
      this.technicians.push(Number(result.lastInsertRowid));
      this.count('app_user');
    }
  }

  /** The client's own hall: a hundred more racks, so its programme and incidents are a large client's. */
  private addClientRoom(): void {
    const roomId = Number(
      this.statements.room.run(this.siteId, 'Salle N (Novabank)', 20, 10, 1, this.start, this.start)
        .lastInsertRowid,
    );
    this.rooms.push(roomId);
    this.count('room');
    for (let index = 0; index < benchRacks; index++) {
      this.statements.rack.run(
        roomId,
        `N${String(index + 1).padStart(3, '0')}`,
        String.fromCharCode(65 + Math.floor(index / 20)),
        index % 20,
        Math.floor(index / 20),
        42,
        8,
        1200,
        'active',
        this.tenantId,
        1,
        this.start,
        this.start,
      );
      this.count('rack');
    }
    const racks = this.db
      .prepare('select id from rack where tenant_id = ? order by id')
      .all(this.tenantId) as {
      id: number;
    }[];
    this.clientRacks.push(...racks.map((row) => row.id));
  }

  /** Every procedure of the library, pinned as the runs service pins it: the file's hash, bytes and content. */
  private pinLibrary(): void {
    const { procedures } = validateLibrary(this.proceduresDir);
    for (const loaded of procedures) {
      const source = readFileSync(join(this.proceduresDir, loaded.file), 'utf8');
      this.statements.version.run(
        loaded.version,
        loaded.procedure.id,
        loaded.file,
        source,
        JSON.stringify(loaded.procedure),
        this.start,
      );
      this.procedures.set(loaded.procedure.id, {
        hash: loaded.version,
        id: loaded.procedure.id,
        kind: loaded.procedure.kind,
        title: loaded.procedure.title.fr,
        steps: planOf(loaded.procedure).steps,
      });
    }
  }

  private procedure(id: string): Pinned {
    const found = this.procedures.get(id);
    if (!found) throw new Error(`the procedure library has no ${id}`);
    return found;
  }

  /** The programme: site and room tasks first, then daily rack checks until the occurrences add up. */
  private taskSpecs(): TaskSpec[] {
    const [roomA, roomB, roomN] = [this.rooms[0]!, this.rooms[1] ?? this.rooms[0]!, this.rooms.at(-1)!];
    const specs: TaskSpec[] = [
      {
        title: 'Essai en charge du groupe électrogène',
        procedureId: 'generator-monthly-load-test',
        rrule: 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=0',
        leadMinutes: 1440,
        graceMinutes: 1440,
        roomId: null,
        rackId: null,
      },
      ...[roomA, roomB, roomN].flatMap((roomId, index) => [
        {
          title: `Ronde de salle ${index + 1}`,
          procedureId: 'daily-inspection-round',
          rrule: 'FREQ=DAILY;BYHOUR=7,15,23;BYMINUTE=0',
          leadMinutes: 30,
          graceMinutes: 90,
          roomId,
          rackId: null,
        },
        {
          title: `Maintenance onduleur, by-pass (salle ${index + 1})`,
          procedureId: 'ups-maintenance-bypass',
          rrule: 'FREQ=MONTHLY;BYDAY=2WE;BYHOUR=9;BYMINUTE=0',
          leadMinutes: 2880,
          graceMinutes: 1440,
          roomId,
          rackId: null,
        },
        {
          title: `Contrôle hebdomadaire des onduleurs (salle ${index + 1})`,
          procedureId: 'ups-weekly-check',
          rrule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0',
          leadMinutes: 120,
          graceMinutes: 480,
          roomId,
          rackId: null,
        },
        {
          title: `Contrôle hebdomadaire de la climatisation (salle ${index + 1})`,
          procedureId: 'cooling-weekly-check',
          rrule: 'FREQ=WEEKLY;BYDAY=WE;BYHOUR=10;BYMINUTE=0',
          leadMinutes: 120,
          graceMinutes: 480,
          roomId,
          rackId: null,
        },
        {
          title: `Thermographie des PDU (salle ${index + 1})`,
          procedureId: 'pdu-quarterly-thermography',
          rrule: 'FREQ=MONTHLY;BYDAY=2TH;BYHOUR=14;BYMINUTE=0',
          leadMinutes: 2880,
          graceMinutes: 2880,
          roomId,
          rackId: null,
        },
      ]),
    ];
    // Daily rack checks of the client's racks (two passes a day on some), as many as the size asks.
    for (let index = 0; index < this.clientRacks.length * 4; index++) {
      const rackId = this.clientRacks[index % this.clientRacks.length]!;
      const pass = Math.floor(index / this.clientRacks.length);
      specs.push({
        title: `Contrôle de baie (passage ${pass + 1})`,
        procedureId: 'daily-inspection-round',
        rrule: `FREQ=DAILY;BYHOUR=${[9, 21, 3, 13][pass]};BYMINUTE=0`,
        leadMinutes: 60,
        graceMinutes: 180,
        roomId: null,
        rackId,
      });
    }
    return specs;
  }

  private writeOccurrences(): void {
    const startDate = isoDateOfDay(localDayOf(this.timeZone, this.start));
    const horizon = this.now + 7 * day;
    let written = 0;
    for (const spec of this.taskSpecs()) {
      if (written >= this.sizes.occurrences) break;
      const parsed = parseRrule(spec.rrule);
      if (!parsed.ok) throw new Error(`${spec.rrule}: ${parsed.message}`);
      const times = occurrencesOf(parsed.rule, {
        timeZone: this.timeZone,
        startDate,
        from: this.start,
        to: horizon,
      }).slice(0, this.sizes.occurrences - written);
      const taskId = this.nextId('recurring_task');
      this.statements.task.run(
        taskId,
        spec.title,
        spec.procedureId,
        this.siteId,
        spec.roomId,
        spec.rackId,
        spec.rrule,
        startDate,
        spec.leadMinutes,
        spec.graceMinutes,
        'operations',
        null,
        1,
        horizon,
        1,
        this.start,
        this.start,
      );
      for (const at of times) this.writeOccurrence(taskId, spec, at);
      written += times.length;
    }
  }

  /** One occurrence and, when it was worked, its run: mostly on time, some late, a few missed or cancelled. */
  private writeOccurrence(taskId: number, spec: TaskSpec, at: number): void {
    const id = this.nextId('task_occurrence');
    const availableAt = at - spec.leadMinutes * minute;
    const dueAt = at + spec.graceMinutes * minute;
    const row = {
      state: 'scheduled',
      runId: null as number | null,
      startedAt: null as number | null,
      doneAt: null as number | null,
      lateness: null as number | null,
      cancelReason: null as string | null,
    };
    const roll = this.random.next();
    if (availableAt > this.now) row.state = 'scheduled';
    else if (roll < 0.02) row.state = 'cancelled';
    else if (roll < 0.05 && dueAt <= this.now) row.state = 'missed';
    else {
      const late = roll < 0.12;
      const startedAt = late
        ? dueAt - this.random.int(0, 15) * minute
        : Math.max(availableAt, at + this.random.int(-15, Math.floor(spec.graceMinutes / 4)) * minute);
      if (startedAt > this.now) row.state = dueAt <= this.now ? 'missed' : 'due';
      else {
        const procedure = this.procedure(spec.procedureId);
        const fate: RunFate = procedure.kind === 'MOP' ? this.changeFate() : 'completed';
        const run = this.writeRun({
          procedure,
          contextKind: 'occurrence',
          contextId: id,
          contextLabel: spec.title,
          startedAt,
          fate,
        });
        row.runId = run.id;
        row.startedAt = startedAt;
        if (run.state === 'completed') {
          row.state = 'done';
          row.doneAt = run.endedAt;
          row.lateness = Math.max(0, Math.ceil((run.endedAt! - dueAt) / minute));
        } else if (run.state === 'aborted') row.state = dueAt <= this.now ? 'missed' : 'due';
        else row.state = 'in_progress';
      }
    }
    if (row.state === 'cancelled') row.cancelReason = 'Salle fermée pour travaux';
    if (row.state === 'scheduled' && availableAt <= this.now)
      row.state = dueAt <= this.now ? 'missed' : 'due';
    this.statements.occurrence.run(
      id,
      taskId,
      this.siteId,
      at,
      availableAt,
      dueAt,
      row.state,
      row.runId,
      row.startedAt,
      row.doneAt,
      row.lateness,
      row.cancelReason,
      row.runId ? 3 : 1,
    );
  }

  /** Planned changes mostly go well; some are rolled back, a few aborted. */
  private changeFate(): RunFate {
    const roll = this.random.next();
    return roll < 0.06 ? 'rolled_back' : roll < 0.09 ? 'aborted' : 'completed';
  }

  /**
   * A run and its step records in the plan's order: readings in range (mostly), evidence where asked,
   * a second technician's verification of critical steps, a few skips, failures, deviations and
   * corrections. Nothing is written after now: such a run is still in progress.
   */
  private writeRun(request: RunRequest): RunResult {
    const { procedure } = request;
    const random = this.random;
    const id = this.nextId('procedure_run');
    const performer = random.pick(this.technicians);
    const verifier = () => {
      const other = random.pick(this.technicians);
      return other === performer
        ? this.technicians[(this.technicians.indexOf(other) + 1) % this.technicians.length]!
        : other;
    };
    const required = procedure.steps.filter((planned) => !planned.rollback);
    const rollbackSteps = procedure.steps.filter((planned) => planned.rollback);
    const limit = request.maxRecords ?? Infinity;
    const abortAt = request.fate === 'aborted' ? random.int(1, Math.max(1, required.length - 1)) : Infinity;
    const failAt =
      request.fate === 'rolled_back'
        ? random.int(Math.floor(required.length / 2), required.length - 1)
        : Infinity;
    let cursor = request.startedAt + random.int(1, 4) * minute;
    let records = 0;
    let cutOff = false;
    const progress = { signed: 0, awaiting: 0, failed: 0, outOfRange: 0 };
    let rolledBack = false;

    const sign = (planned: PlannedStep, forced?: 'failed' | 'not_applicable' | 'done') => {
      cursor += random.int(1, 5) * minute + random.int(0, 59) * 1000;
      if (cursor > this.now || records >= limit) {
        cutOff = true;
        return;
      }
      const { step } = planned;
      const roll = random.next();
      const outcome =
        forced ??
        (roll < 0.965 ? 'done' : roll < 0.98 ? 'not_applicable' : roll < 0.995 ? 'skipped' : 'failed');
      const deviation = outcome === 'done' && random.chance(0.004);
      const writeRecord = (revision: number, supersedes: number | null, reason: string | null) => {
        const recordId = this.nextId('step_record');
        let value: number | null = null;
        let inRange: number | null = null;
        if (step.reading && (outcome === 'done' || outcome === 'failed')) {
          const low = step.reading.min ?? (step.reading.max ?? 100) - 50;
          const high = step.reading.max ?? low + 50;
          const outside = random.chance(0.03);
          value = outside ? high + 1 + random.next() * 5 : low + random.next() * (high - low);
          value = Math.round(value * 10) / 10;
          inRange = outside ? 0 : 1;
        }
        let evidence = '[]';
        if (step.evidence && outcome === 'done') {
          const sha = Array.from({ length: 8 }, () =>
            random.int(0, 0xffffffff).toString(16).padStart(8, '0'),
          ).join('');
          this.statements.evidence.run(
            id,
            sha,
            `photo-${recordId}.jpg`,
            180_000 + random.int(0, 400_000),
            'image/jpeg',
            performer,
            cursor - 40_000,
          );
          this.count('run_evidence');
          evidence = JSON.stringify([sha]);
        }
        this.statements.record.run(
          recordId,
          id,
          step.id,
          revision,
          supersedes,
          outcome,
          value,
          value === null ? null : step.reading!.unit,
          value === null ? null : (step.reading!.min ?? null),
          value === null ? null : (step.reading!.max ?? null),
          inRange,
          deviation ? 1 : 0,
          deviation ? 'Voir la raison' : null,
          reason,
          evidence,
          performer,
          cursor,
          random.chance(0.1) ? cursor - random.int(5, 600) * 1000 : null,
        );
        records += 1;
        return { recordId, inRange };
      };
      const reasonOf = () =>
        outcome === 'done'
          ? deviation
            ? random.pick(reasons.deviation)
            : null
          : random.pick(reasons[outcome]);
      let written = writeRecord(1, null, reasonOf());
      if (random.chance(0.008) && records < limit) {
        cursor += 2 * minute;
        written = writeRecord(2, written.recordId, random.pick(reasons.correction));
      }
      if (outcome === 'failed') progress.failed += 1;
      if (written.inRange === 0) progress.outOfRange += 1;
      if (planned.rollback) return;
      if (!step.critical) {
        progress.signed += 1;
        return;
      }
      // Completed runs have every critical step verified; a run stopped half way may still wait for it.
      const verifiedAt = cursor + random.int(2, 15) * minute;
      if (verifiedAt <= this.now && (request.fate !== 'aborted' || random.chance(0.7))) {
        this.statements.verification.run(written.recordId, verifier(), verifiedAt, null);
        this.count('step_verification');
        progress.signed += 1;
      } else progress.awaiting += 1;
    };

    for (const [index, planned] of required.entries()) {
      if (index >= abortAt || cutOff) break;
      if (index === failAt) {
        sign(planned, 'failed');
        for (const back of rollbackSteps) sign(back, 'done');
        rolledBack = true;
      } else sign(planned, rolledBack ? 'not_applicable' : undefined);
    }
    const endedAt = cursor + random.int(1, 5) * minute;
    const state =
      cutOff || endedAt > this.now ? 'in_progress' : request.fate === 'aborted' ? 'aborted' : 'completed';
    if (state === 'completed') progress.awaiting = 0;
    if (
      procedure.kind === 'MOP' &&
      state !== 'in_progress' &&
      request.fate !== 'completed' &&
      random.chance(0.25)
    )
      this.troubledChanges.push({ runId: id, endedAt });
    this.statements.run.run(
      id,
      procedure.hash,
      procedure.id,
      request.contextKind,
      request.contextId,
      request.contextLabel,
      state,
      state === 'aborted' ? 'Fenêtre de maintenance dépassée' : null,
      performer,
      request.startedAt,
      null,
      state === 'in_progress' ? null : performer,
      state === 'in_progress' ? null : endedAt,
      state === 'completed' ? required.length : progress.signed,
      required.length,
      procedure.steps.length,
      progress.awaiting,
      progress.failed,
      progress.outOfRange,
      1 + records,
    );
    return { id, state, endedAt: state === 'in_progress' ? null : endedAt, records };
  }

  /** Incidents opened evenly over the history, each with its life up to now. */
  private writeIncidents(count: number, forClient: boolean): void {
    const span = this.now - this.start;
    const openings = Array.from(
      { length: count },
      () => this.start + Math.floor(this.random.next() * span),
    ).sort((a, b) => a - b);
    for (const openedAt of openings) this.writeIncident(openedAt, forClient);
  }

  private writeIncident(openedAt: number, forClient: boolean): void {
    const random = this.random;
    const id = this.nextId('incident');
    const { priority, impact, urgency } = priorityOf(random);
    const targets = (forClient && this.policy ? this.policy : defaultIncidentSlaPolicy)[priority];
    const category = random.chance(0.08) ? null : random.pick(categories);
    const origin = random.pick(origins);
    const assignee = random.pick(this.technicians);
    const creator = origin === 'monitoring' ? null : random.pick([...this.coordinators, assignee]);
    const lines: TimelineLine[] = [];
    const move = (
      at: number,
      from: IncidentStatus | null,
      to: IncidentStatus,
      authorId: number | null,
      extra = {},
    ) => {
      if (at <= this.now) lines.push({ at, authorId, kind: 'transition', details: { from, to, ...extra } });
    };
    move(openedAt, null, 'new', creator);

    const times: Partial<Record<'ack' | 'restore' | 'resolve' | 'cancel' | 'mitigated' | 'close', number>> =
      {};
    const pauses: [number, number][] = [];
    let pendingReason: string | null = null;
    let workaround: string | null = null;
    let resolutionCode: string | null = null;
    const cancelled = random.chance(0.035);
    if (cancelled) {
      times.cancel = openedAt + random.int(3, 90) * minute;
      move(times.cancel, 'new', 'cancelled', assignee, { cancellationReason: 'false_positive' });
    } else {
      times.ack = openedAt + Math.round(targets.ackMinutes * shareOfTarget(random, 0.06) * minute);
      move(times.ack, 'new', 'acknowledged', assignee);
      const working = times.ack + random.int(1, 15) * minute;
      move(working, 'acknowledged', 'in_progress', assignee);
      // A fifth waits on someone: hours mostly, days sometimes, weeks for parts now and then.
      if (random.chance(0.22)) {
        const pendingFrom = working + random.int(10, 120) * minute;
        const roll = random.next();
        const length =
          roll < 0.7
            ? random.int(30, 480) * minute
            : roll < 0.96
              ? random.int(8, 72) * hour
              : random.int(3, 40) * day;
        pendingReason = random.pick(pendingReasons);
        pauses.push([pendingFrom, pendingFrom + length]);
        move(pendingFrom, 'in_progress', 'pending', assignee, { pendingReason, comment: 'En attente' });
        move(pendingFrom + length, 'pending', 'in_progress', assignee);
      }
      const lastWork = pauses.length ? pauses[0]![1] : working;
      times.restore = Math.max(
        lastWork + random.int(5, 30) * minute,
        afterContractMinutes(openedAt, targets.restoreMinutes * shareOfTarget(random, 0.08), pauses),
      );
      const mitigated = priority === 'P0' || priority === 'P1' ? random.chance(0.7) : random.chance(0.3);
      if (mitigated) {
        times.mitigated = times.restore;
        workaround = 'Basculement sur l’équipement redondant';
        move(times.restore, 'in_progress', 'mitigated', assignee, { workaround });
      }
      times.resolve = Math.max(
        times.restore + random.int(5, 60) * minute,
        afterContractMinutes(openedAt, targets.resolveMinutes * shareOfTarget(random, 0.07), pauses),
      );
      resolutionCode = random.pick(resolutionCodes);
      const solution = 'Cause corrigée, équipement contrôlé';
      move(times.resolve, mitigated ? 'mitigated' : 'in_progress', 'resolved', assignee, {
        resolutionCode,
        solution,
      });
      let lastResolve = times.resolve;
      // A few come back: reopened, worked again, resolved again; the resolve clock rests meanwhile.
      if (random.chance(0.03)) {
        const reopenAt = times.resolve + random.int(1, 48) * hour;
        move(reopenAt, 'resolved', 'reopened', creator ?? assignee, { comment: 'Le défaut est revenu' });
        move(reopenAt + 10 * minute, 'reopened', 'in_progress', assignee);
        lastResolve = reopenAt + random.int(1, 36) * hour;
        move(lastResolve, 'in_progress', 'resolved', assignee, { resolutionCode, solution });
      }
      times.close = lastResolve + random.int(1, 5) * day;
      move(times.close, 'resolved', 'closed', random.pick(this.coordinators));
      times.resolve = lastResolve;
    }

    // The SLA clocks as the engine leaves them: stopped at their event, else running (or paused) now.
    const clockStops: Record<SlaMetric, number | undefined> = {
      ack: times.ack ?? times.cancel,
      restore: times.cancel ?? times.restore,
      resolve: times.cancel ?? times.resolve,
    };
    const targetOf: Record<SlaMetric, number> = {
      ack: targets.ackMinutes,
      restore: targets.restoreMinutes,
      resolve: targets.resolveMinutes,
    };
    let escalation = 0;
    let nextDue: number | null = null;
    const clocks: (number | string | null)[][] = [];
    const pendingNow = pauses.some(([from, to]) => from <= this.now && this.now < to);
    for (const metric of ['ack', 'restore', 'resolve'] as const) {
      const clockPauses = metric === 'ack' ? [] : pauses;
      const stopsAt = clockStops[metric];
      const stop = stopsAt !== undefined && stopsAt <= this.now ? stopsAt : null;
      const end = stop ?? this.now;
      const paused = pausedBetween(openedAt, end, clockPauses);
      const elapsed = Math.max(0, (end - openedAt - paused) / minute);
      const dueAt = afterContractMinutes(openedAt, targetOf[metric], clockPauses);
      const warnAt = afterContractMinutes(openedAt, targetOf[metric] * 0.75, clockPauses);
      const breachedAt = elapsed > targetOf[metric] ? dueAt : null;
      const state = breachedAt
        ? 'breached'
        : stop !== null
          ? 'met'
          : pendingNow && metric !== 'ack'
            ? 'paused'
            : 'running';
      if (stop === null && state !== 'paused') nextDue = Math.min(nextDue ?? Infinity, dueAt);
      const warned = warnAt <= end ? warnAt : null;
      if (warned)
        lines.push({
          at: warned,
          authorId: null,
          kind: 'sla_warning',
          details: { metric, dueAt: new Date(dueAt).toISOString() },
        });
      if (breachedAt) {
        escalation += 1;
        const dueIso = new Date(dueAt).toISOString();
        lines.push({
          at: breachedAt,
          authorId: null,
          kind: 'sla_breach',
          details: { metric, dueAt: dueIso },
        });
        lines.push({
          at: breachedAt,
          authorId: null,
          kind: 'escalation',
          details: { level: escalation, metric },
        });
      }
      clocks.push([
        metric,
        state,
        targetOf[metric],
        dueAt,
        warnAt,
        Math.round(elapsed * 100) / 100,
        paused / minute,
        stop,
        breachedAt,
        warned,
        breachedAt,
      ]);
    }
    if (random.chance(0.3)) {
      const noteAt = openedAt + random.int(5, 240) * minute;
      if (noteAt <= this.now)
        lines.push({
          at: noteAt,
          authorId: assignee,
          kind: 'note',
          details: { text: 'Point de situation transmis au client' },
        });
    }
    lines.sort((a, b) => a.at - b.at);
    const transitions = lines.filter((line) => line.kind === 'transition');
    const status = transitions.at(-1)!.details.to as IncidentStatus;
    const upTo = (at: number | undefined) => (at !== undefined && at <= this.now ? at : null);
    const roomId = random.chance(0.05) ? null : random.pick(this.rooms);
    const title = `${category ?? 'Alerte'} : anomalie ${id}`;
    this.statements.incident.run(
      id,
      title,
      'Détectée par la supervision ou signalée au support.',
      category,
      origin,
      impact,
      urgency,
      priority === 'P0' ? 1 : 0,
      priority,
      status,
      status === 'pending' ? pendingReason : null,
      status === 'resolved' || status === 'closed' ? resolutionCode : null,
      status === 'resolved' || status === 'closed' ? 'Cause corrigée, équipement contrôlé' : null,
      status === 'cancelled' ? 'false_positive' : null,
      this.siteId,
      roomId,
      1,
      assignee,
      upTo(times.mitigated) ? workaround : null,
      priority === 'P0' || (priority === 'P1' && random.chance(0.5))
        ? 'Défaut d’alimentation d’un module'
        : null,
      escalation,
      forClient ? this.contractId : null,
      boardRankOf(priority, nextDue === null ? null : new Date(nextDue)),
      nextDue,
      openedAt,
      upTo(times.ack),
      upTo(times.mitigated),
      upTo(times.resolve),
      upTo(times.close),
      upTo(times.cancel),
      creator,
      lines.at(-1)!.authorId,
      lines.filter((line) => line.kind !== 'note').length,
      openedAt,
      lines.at(-1)!.at,
    );
    for (const clock of clocks) this.statements.clock.run(id, ...clock);
    this.count('incident_sla_clock', clocks.length);
    for (const line of lines)
      this.statements.entry.run(id, line.at, line.authorId, line.kind, JSON.stringify(line.details));
    this.count('incident_timeline_entry', lines.length);
    const tenants = forClient
      ? [this.tenantId, ...(random.chance(0.15) ? [random.pick(this.otherTenants)] : [])]
      : [random.pick(this.otherTenants)];
    for (const tenantId of tenants) this.statements.tenantLink.run(id, tenantId);
    this.count('incident_tenants', tenants.length);
    if (forClient && random.chance(0.6)) {
      this.statements.rackLink.run(id, random.pick(this.clientRacks));
      this.count('incident_racks');
    }
    this.writeIncidentRun(id, title, category, times.ack, times.restore, status);
  }

  /** A third of the incidents are worked with an emergency or standard procedure; a few power ones with a change. */
  private writeIncidentRun(
    id: number,
    title: string,
    category: string | null,
    ackAt: number | undefined,
    restoreAt: number | undefined,
    status: IncidentStatus,
  ): void {
    const random = this.random;
    if (ackAt === undefined || status === 'cancelled' || !category) return;
    const label = `${incidentReferenceOf(id)} · ${title}`;
    if (random.chance(0.35)) {
      const procedure = this.procedure(random.pick(categoryProcedures[category]!));
      this.writeRun({
        procedure,
        contextKind: 'incident',
        contextId: id,
        contextLabel: label,
        startedAt: ackAt + random.int(2, 20) * minute,
        fate: random.chance(0.03) ? 'aborted' : 'completed',
      });
    }
    if ((category === 'power' || category === 'hardware') && restoreAt !== undefined && random.chance(0.05)) {
      this.writeRun({
        procedure: this.procedure(random.pick(['pdu-replacement', 'ups-maintenance-bypass'])),
        contextKind: 'incident',
        contextId: id,
        contextLabel: label,
        startedAt: restoreAt + random.int(4, 96) * hour,
        fate: this.changeFate(),
      });
    }
  }

  /** Runs without context (escorts, rack-and-stack, remote hands, some changes) up to the step records asked. */
  private fillRuns(): void {
    const random = this.random;
    const span = this.now - this.start;
    while ((this.counts.step_record ?? 0) < this.sizes.stepRecords) {
      const procedure = this.procedure(
        random.chance(0.03) ? 'pdu-replacement' : random.pick(adHocProcedures),
      );
      this.writeRun({
        procedure,
        contextKind: 'none',
        contextId: null,
        contextLabel: null,
        startedAt: this.start + Math.floor(random.next() * (span - 2 * day)),
        fate: procedure.kind === 'MOP' ? this.changeFate() : random.chance(0.02) ? 'aborted' : 'completed',
        maxRecords: this.sizes.stepRecords - (this.counts.step_record ?? 0),
      });
    }
  }

  /** An incident raised from a change that went wrong: the client's first one opened after it ended. */
  private linkTroubledChanges(): void {
    if (!this.hasSourceRun) return;
    const next = this.db.prepare(
      `select i.id from incident i join incident_tenants t on t.incident_id = i.id and t.tenant_id = ?
       where i.opened_at >= ? and i.source_run_id is null order by i.opened_at limit 1`,
    );
    const link = this.db.prepare('update incident set source_run_id = ? where id = ?');
    for (const change of this.troubledChanges) {
      const incident = next.get(this.tenantId, change.endedAt) as { id: number } | undefined;
      if (incident) {
        link.run(change.runId, incident.id);
        this.count('incident.source_run_id');
      }
    }
  }
}

import type Database from 'better-sqlite3';
import {
  backlogAgeBuckets,
  incidentOrigins,
  pendingReasons,
  priorities,
  slaMetrics,
  type BacklogAgeBucket,
  type DurationStats,
  type Priority,
  type ProcedureCategory,
  type Ratio,
  type Shift,
  type SlaMetric,
  type SteeringFigures,
} from '@vigie/shared';
import {
  previousPeriodOf,
  weeksOf,
  windowOf,
  type LocalPeriod,
  type ReportWindow,
} from '../../../server/src/reports/report-period.js';
import { zoneOffsetMs } from '../../../server/src/incidents/sla/zoned-time.js';

/**
 * The steering report's figures (DESIGN.md §7, definitions in the report hand-off) written by hand:
 * one plain SQL statement per figure on a better-sqlite3 connection, nothing shared with the server's
 * report code but the period arithmetic (which local dates make which instants). The benchmark times
 * the app's report against this, and checks that both give the same figures.
 */

export interface BaselineScope {
  tenantId: number | null;
  siteId: number | null;
  timeZone: string;
}

export interface BaselineWeek {
  weekStart: string;
  incidentsByPriority: Record<Priority, number>;
  slaPercent: Record<SlaMetric, number | null>;
  mttaMinutes: number | null;
  mttrMinutes: number | null;
  recurringPercent: number | null;
  availabilityPercent: number;
}

export interface BaselineTeamMember {
  userId: number;
  displayName: string;
  runs: number;
  steps: number;
  stepsByShift: Record<Shift, number>;
}

export interface BaselineReport {
  current: SteeringFigures;
  previous: SteeringFigures;
  weeks: BaselineWeek[];
  /** Totals of the capped lists, and their first (most recent) items' ids. */
  lists: {
    breaches: { total: number; firstIncidentIds: number[] };
    majorIncidents: { total: number; durationMinutes: number[] };
    plannedWork: { total: number; runIds: number[] };
    stepExceptions: { total: number; recordIds: number[] };
  };
  team: BaselineTeamMember[];
  /** ms spent per statement (summed over the periods and weeks). */
  timings: Record<string, number>;
}

const minuteMs = 60_000;
const dayMs = 86_400_000;
const listCap = 100;

type Row = Record<string, number | string | null>;
/** Named parameters of the statements besides the scope's. */
type Params = { start?: number; end?: number; now?: number };

const byPriority = <T>(value: () => T) =>
  Object.fromEntries(priorities.map((priority) => [priority, value()])) as Record<Priority, T>;
const ratio = (count: number, of: number): Ratio => ({
  count,
  of,
  percent: of === 0 ? null : Math.round((count / of) * 1000) / 10,
});

/**
 * `expression` (epoch ms) as local wall-clock ms in the zone: the zone's offsets over the span as
 * one CASE, so local hours, days and weeks are plain arithmetic in SQL.
 */
function localTimeSql(expression: string, timeZone: string, from: number, to: number): string {
  const changes: { at: number; offset: number }[] = [];
  let offset = zoneOffsetMs(timeZone, from);
  for (let at = from; at <= to; at += 3_600_000) {
    const next = zoneOffsetMs(timeZone, at);
    if (next === offset) continue;
    let low = at - 3_600_000;
    let high = at;
    while (high - low > 1000) {
      const middle = low + Math.floor((high - low) / 2);
      if (zoneOffsetMs(timeZone, middle) === offset) low = middle;
      else high = middle;
    }
    changes.push({ at: high, offset: next });
    offset = next;
  }
  const first = zoneOffsetMs(timeZone, from);
  if (changes.length === 0) return `(${expression} + ${first})`;
  const cases = changes.map(
    (change, index) =>
      `when ${expression} < ${change.at} then ${index === 0 ? first : changes[index - 1]!.offset}`,
  );
  return `(${expression} + case ${cases.join(' ')} else ${changes.at(-1)!.offset} end)`;
}

/** The SQL of one report, for one scope: the scope's incidents, tasks and runs as CTEs, then one statement per figure. */
class BaselineQueries {
  private readonly statements = new Map<string, Database.Statement>();
  /** ms per statement, to find the slow one. */
  readonly timings = new Map<string, number>();

  constructor(
    private readonly db: Database.Database,
    readonly scope: BaselineScope,
    private readonly hasSourceRun: boolean,
  ) {}

  rows(label: string, sql: string, params: Params = {}): Row[] {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    const used = Object.fromEntries(Object.entries(params).filter(([name]) => sql.includes(`@${name}`)));
    const started = performance.now();
    const rows = statement.all({ ...this.scopeParams(sql), ...used }) as Row[];
    this.timings.set(label, (this.timings.get(label) ?? 0) + performance.now() - started);
    return rows;
  }

  one(label: string, sql: string, params: Params = {}): Row {
    return this.rows(label, sql, params)[0] ?? {};
  }

  private scopeParams(sql: string): Record<string, number> {
    const params: Record<string, number> = {};
    if (this.scope.tenantId !== null && sql.includes('@tenant')) params.tenant = this.scope.tenantId;
    if (this.scope.siteId !== null && sql.includes('@site')) params.site = this.scope.siteId;
    return params;
  }

  /** Incidents of the scope: linked to the tenant, on the site. */
  get incidents(): string {
    const site = this.scope.siteId === null ? '' : ' and i.site_id = @site';
    return this.scope.tenantId === null
      ? `scoped_incident as (select i.* from incident i where 1 = 1${site})`
      : `scoped_incident as (select i.* from incident_tenants it join incident i on i.id = it.incident_id
           where it.tenant_id = @tenant${site})`;
  }

  /** Tasks of the scope: their rack, room or site holds equipment of the tenant. */
  get tasks(): string {
    const site = this.scope.siteId === null ? '' : ' and k.site_id = @site';
    if (this.scope.tenantId === null)
      return `scoped_task as (select k.* from recurring_task k where 1 = 1${site})`;
    return `tenant_rack as (
        select r.id, r.room_id, m.site_id from rack r join room m on m.id = r.room_id
        where r.tenant_id = @tenant or r.id in (select d.rack_id from device d where d.tenant_id = @tenant)),
      scoped_task as (
        select k.* from recurring_task k where (
          (k.rack_id is not null and k.rack_id in (select id from tenant_rack))
          or (k.rack_id is null and k.room_id is not null and k.room_id in (select room_id from tenant_rack))
          or (k.rack_id is null and k.room_id is null and k.site_id in (select site_id from tenant_rack)))${site})`;
  }

  /** Runs of the scope: on its incidents, on its occurrences, and (overview of every site) without context. */
  get runs(): string {
    const site = this.scope.siteId === null ? '' : ' and o.site_id = @site';
    const none =
      this.scope.tenantId === null && this.scope.siteId === null
        ? ` union all select r.* from procedure_run r where r.context_kind = 'none'`
        : '';
    return `${this.incidents}, ${this.tasks},
      scoped_run as (
        select r.* from procedure_run r join scoped_incident i on i.id = r.context_id where r.context_kind = 'incident'
        union all
        select r.* from procedure_run r join task_occurrence o on o.id = r.context_id join scoped_task k on k.id = o.task_id
          where r.context_kind = 'occurrence'${site}${none})`;
  }

  /** Each pinned version's steps and what they ask for. */
  readonly steps = `version_step as (
      select v.hash, s.value ->> 'id' as step_id, s.value -> 'reading' is not null as needs_reading,
        coalesce(s.value ->> 'evidence', 0) as needs_evidence, coalesce(s.value ->> 'critical', 0) as critical, 0 as rollback
      from procedure_version v, json_each(v.content, '$.phases') p, json_each(p.value, '$.steps') s
      union all
      select v.hash, s.value ->> 'id', s.value -> 'reading' is not null, coalesce(s.value ->> 'evidence', 0),
        coalesce(s.value ->> 'critical', 0), 0
      from procedure_version v, json_each(v.content, '$.steps') s
      union all
      select v.hash, s.value ->> 'id', s.value -> 'reading' is not null, coalesce(s.value ->> 'evidence', 0),
        coalesce(s.value ->> 'critical', 0), 1
      from procedure_version v, json_each(v.content, '$.rollback') s)`;

  readonly mopVersions = `mop_version as (select hash from procedure_version where content ->> 'kind' = 'MOP')`;

  get sourceRunExists(): string {
    return this.hasSourceRun ? 'exists (select 1 from incident x where x.source_run_id = r.id)' : '0';
  }
}

/** Clocks that ended in a window (a cancelled incident's clocks are no service delivered: left out), per metric and priority (and per metric over every priority): adherence, mean, p90. */
function clockFigures(
  q: BaselineQueries,
  window: ReportWindow,
): Pick<SteeringFigures, 'sla' | 'responseTimes'> {
  const rows = q.rows(
    'sla clocks',
    `with ${q.incidents},
     ended as (
       select c.metric, i.priority, c.state, c.elapsed_minutes as minutes
       from scoped_incident i join incident_sla_clock c on c.incident_id = i.id
       where c.stopped_at >= @start and c.stopped_at < @end and c.state in ('met', 'breached') and i.status != 'cancelled'),
     ranked as (
       select *, row_number() over (partition by metric, priority order by minutes) as rank_p,
         count(*) over (partition by metric, priority) as n_p,
         row_number() over (partition by metric order by minutes) as rank_all, count(*) over (partition by metric) as n_all
       from ended)
     select metric, priority, count(*) as n, sum(state = 'met') as met, avg(minutes) as mean,
       min(case when rank_p * 10 >= n_p * 9 then minutes end) as p90
     from ranked group by metric, priority
     union all
     select metric, null, count(*), sum(state = 'met'), avg(minutes), min(case when rank_all * 10 >= n_all * 9 then minutes end)
     from ranked group by metric`,
    window,
  );
  const empty: DurationStats = { count: 0, meanMinutes: null, p90Minutes: null };
  const sla = {} as SteeringFigures['sla'];
  const responseTimes = {} as SteeringFigures['responseTimes'];
  for (const metric of slaMetrics) {
    sla[metric] = { all: ratio(0, 0), byPriority: byPriority(() => ratio(0, 0)) };
    responseTimes[metric] = { all: empty, byPriority: byPriority(() => empty) };
  }
  for (const row of rows) {
    const metric = row.metric as SlaMetric;
    const n = Number(row.n);
    const stats = { count: n, meanMinutes: row.mean as number, p90Minutes: row.p90 as number };
    if (row.priority === null) {
      sla[metric].all = ratio(Number(row.met), n);
      responseTimes[metric].all = stats;
    } else {
      sla[metric].byPriority[row.priority as Priority] = ratio(Number(row.met), n);
      responseTimes[metric].byPriority[row.priority as Priority] = stats;
    }
  }
  return { sla, responseTimes };
}

function volumeFigures(q: BaselineQueries, window: ReportWindow): SteeringFigures['volume'] {
  const rows = q.rows(
    'volume',
    `with ${q.incidents}
     select i.priority, i.origin, i.category, i.room_id, m.name as room_name, count(*) as n
     from scoped_incident i left join room m on m.id = i.room_id
     where i.opened_at >= @start and i.opened_at < @end
     group by i.priority, i.origin, i.category, i.room_id`,
    window,
  );
  const volume: SteeringFigures['volume'] = {
    total: 0,
    major: 0,
    byPriority: byPriority(() => 0),
    byOrigin: Object.fromEntries(
      incidentOrigins.map((origin) => [origin, 0]),
    ) as SteeringFigures['volume']['byOrigin'],
    byCategory: [],
    byRoom: [],
  };
  const categories = new Map<string | null, number>();
  const rooms = new Map<number | null, { name: string; count: number }>();
  for (const row of rows) {
    const n = Number(row.n);
    volume.total += n;
    if (row.priority === 'P0') volume.major += n;
    volume.byPriority[row.priority as Priority] += n;
    volume.byOrigin[row.origin as keyof SteeringFigures['volume']['byOrigin']] += n;
    categories.set(row.category as string | null, (categories.get(row.category as string | null) ?? 0) + n);
    const room = rooms.get(row.room_id as number | null) ?? { name: String(row.room_name), count: 0 };
    room.count += n;
    rooms.set(row.room_id as number | null, room);
  }
  volume.byCategory = [...categories]
    .map(([category, count]) => ({ category: category as ProcedureCategory | null, count }))
    .sort((a, b) => b.count - a.count);
  volume.byRoom = [...rooms]
    .map(([id, room]) => ({ room: id === null ? null : { id, name: room.name }, count: room.count }))
    .sort((a, b) => b.count - a.count);
  return volume;
}

/**
 * Unplanned client-impact minutes (a client's service down: impact 1–2 with urgency 1, or major; not
 * cancelled): the union of the impact intervals (opened → restored, clipped to
 * the window), overall and per week, the weeks clipping the union of the whole window.
 */
function impactMinutes(
  q: BaselineQueries,
  window: ReportWindow,
  now: number,
  weeks: readonly ReportWindow[],
): { total: number; byWeek: number[] } {
  const weekValues = weeks.length
    ? weeks.map((week, index) => `(${index}, ${week.start}, ${week.end})`).join(', ')
    : '(0, 0, 0)';
  const rows = q.rows(
    'impact',
    `with ${q.incidents},
     interval as (
       select max(i.opened_at, @start) as s,
         min(coalesce(
           (select c.stopped_at from incident_sla_clock c where c.incident_id = i.id and c.metric = 'restore'),
           i.mitigated_at, i.resolved_at, i.closed_at, @now), @end) as e
       from scoped_incident i
       where i.status != 'cancelled' and ((i.impact <= 2 and i.urgency = 1) or i.priority = 'P0')
         and i.opened_at < @end),
     clipped as (select s, e from interval where e > s),
     marked as (
       select s, e, case when s <= max(e) over (order by s, e rows between unbounded preceding and 1 preceding)
         then 0 else 1 end as starts
       from clipped),
     numbered as (select s, e, sum(starts) over (order by s, e rows unbounded preceding) as island from marked),
     island as (select min(s) as s, max(e) as e from numbered group by island),
     week(w, s, e) as (values ${weekValues})
     select -1 as w, coalesce(sum(e - s), 0) as ms from island
     union all
     select week.w, sum(min(island.e, week.e) - max(island.s, week.s)) from week join island
       on island.s < week.e and island.e > week.s group by week.w`,
    { ...window, now },
  );
  const byWeek = weeks.map(() => 0);
  let total = 0;
  for (const row of rows) {
    const minutes = Number(row.ms) / minuteMs;
    if (row.w === -1) total = minutes;
    else byWeek[Number(row.w)] = minutes;
  }
  return { total, byWeek };
}

function changeFigures(q: BaselineQueries, window: ReportWindow, now: number) {
  const changes = q.one(
    'changes',
    `with ${q.runs}, ${q.steps}, ${q.mopVersions},
     ended as (
       select r.id, r.state,
         exists (select 1 from step_record s join version_step v on v.hash = r.procedure_version_hash
           and v.step_id = s.step_id and v.rollback = 1 where s.run_id = r.id) as rolled_back,
         ${q.sourceRunExists} as with_incident
       from scoped_run r
       where r.procedure_version_hash in (select hash from mop_version)
         and r.state in ('completed', 'aborted') and r.ended_at >= @start and r.ended_at < @end)
     select count(*) as total,
       coalesce(sum(state = 'completed' and not rolled_back and not with_incident), 0) as successful,
       coalesce(sum(rolled_back), 0) as rolled_back, coalesce(sum(with_incident), 0) as with_incident,
       coalesce(sum(state = 'aborted'), 0) as aborted
     from ended`,
    window,
  );
  const planned = q.one(
    'planned work',
    `with ${q.runs}, ${q.mopVersions}
     select count(*) as runs, coalesce(sum(coalesce(r.ended_at, @now) - r.started_at), 0) as ms
     from scoped_run r
     where r.procedure_version_hash in (select hash from mop_version) and r.started_at >= @start and r.started_at < @end`,
    { ...window, now },
  );
  const total = Number(changes.total);
  return {
    changes: {
      total,
      successful: Number(changes.successful),
      rolledBack: Number(changes.rolled_back),
      withIncident: Number(changes.with_incident),
      aborted: Number(changes.aborted),
      success: ratio(Number(changes.successful), total),
    },
    planned: { runs: Number(planned.runs), minutes: Number(planned.ms) / minuteMs },
  };
}

/** Current step records (no later revision) signed in the window, against what their pinned step asks. */
/** What a current step record `c` (with its version's `hash`) lacks, as SQL conditions over `version_step`. */
function stepChecks(c: string) {
  const key = `${c}.hash || ' ' || ${c}.step_id`;
  const stepsWhere = (flag: string) => `(select hash || ' ' || step_id from version_step where ${flag})`;
  return {
    missingReading: `${c}.reading_value is null and ${key} in ${stepsWhere('needs_reading')}`,
    missingEvidence: `${c}.evidence = '[]' and ${key} in ${stepsWhere('needs_evidence')}`,
    unverified: `${key} in ${stepsWhere('critical')} and not exists (select 1 from step_verification f
      where f.record_id = ${c}.id and f.verified_by_id != ${c}.performed_by_id)`,
  };
}

function complianceFigures(q: BaselineQueries, window: ReportWindow): SteeringFigures['compliance'] {
  const { missingReading, missingEvidence, unverified } = stepChecks('c');
  const row = q.one(
    'compliance',
    `with ${q.runs}, ${q.steps},
     current as (
       select s.*, r.procedure_version_hash as hash from step_record s join scoped_run r on r.id = s.run_id
       where s.performed_at >= @start and s.performed_at < @end
         and not exists (select 1 from step_record n where n.run_id = s.run_id and n.step_id = s.step_id and n.revision > s.revision))
     select count(*) as signed,
       coalesce(sum(c.outcome = 'done' and not c.deviation
         and not (${missingReading} or ${missingEvidence} or ${unverified})), 0) as compliant,
       coalesce(sum(c.outcome = 'done' and ${missingReading}), 0) as missing_reading,
       coalesce(sum(c.outcome = 'done' and ${missingEvidence}), 0) as missing_evidence,
       coalesce(sum(c.outcome = 'done' and ${unverified}), 0) as unverified,
       coalesce(sum(c.outcome != 'done'), 0) as skipped,
       coalesce(sum(c.deviation), 0) as deviations
     from current c`,
    window,
  );
  const signed = Number(row.signed);
  return {
    signed,
    compliant: Number(row.compliant),
    missingReading: Number(row.missing_reading),
    missingEvidence: Number(row.missing_evidence),
    unverified: Number(row.unverified),
    skipped: Number(row.skipped),
    deviations: Number(row.deviations),
    rate: ratio(Number(row.compliant), signed),
  };
}

type RecurringSplit = SteeringFigures['recurring']['rounds'];

function recurringFigures(q: BaselineQueries, window: ReportWindow): SteeringFigures['recurring'] {
  const rows = q.rows(
    'recurring',
    `with ${q.tasks},
     inspection as (
       select distinct v.procedure_id from procedure_version v, json_each(v.content, '$.categories') c
       where c.value = 'inspection')
     select k.procedure_id in (select procedure_id from inspection) as rounds,
       sum(o.state = 'cancelled') as cancelled, sum(o.state != 'cancelled') as due,
       sum(o.state = 'done' and o.done_at <= o.due_at) as on_time, sum(o.state = 'done' and o.done_at > o.due_at) as late,
       sum(o.state = 'missed') as missed,
       sum(case when o.state = 'done' and o.done_at > o.due_at then o.lateness_minutes end) as lateness
     from task_occurrence o join scoped_task k on k.id = o.task_id
     where o.due_at >= @start and o.due_at < @end${q.scope.siteId === null ? '' : ' and o.site_id = @site'}
     group by 1`,
    window,
  );
  const split = (selected: Row[]): RecurringSplit & { cancelled: number } => {
    const sum = (key: string) => selected.reduce((total, row) => total + Number(row[key] ?? 0), 0);
    const late = sum('late');
    return {
      due: sum('due'),
      onTime: sum('on_time'),
      late,
      missed: sum('missed'),
      completion: ratio(sum('on_time'), sum('due')),
      meanLatenessMinutes: late === 0 ? null : sum('lateness') / late,
      cancelled: sum('cancelled'),
    };
  };
  const { cancelled: _rounds, ...rounds } = split(rows.filter((row) => Number(row.rounds) === 1));
  const { cancelled: _maintenance, ...maintenance } = split(rows.filter((row) => Number(row.rounds) !== 1));
  return { ...split(rows), rounds, maintenance };
}

/** Open at the window's end (its last move before the end did not close it), by age and priority; pending time by reason. */
function backlogFigures(q: BaselineQueries, window: ReportWindow, now: number): SteeringFigures['backlog'] {
  const open = q.rows(
    'backlog',
    `with ${q.incidents},
     -- Closed and cancelled are final: only the others can still be open at the end.
     candidate as (
       select i.id, i.priority, i.opened_at from scoped_incident i
       where i.opened_at < @end and coalesce(i.closed_at, i.cancelled_at, @end) >= @end),
     last_move as (
       select t.incident_id, max(t.id) as id from candidate c join incident_timeline_entry t on t.incident_id = c.id
       where t.kind = 'transition' and t.at < @end group by t.incident_id)
     select c.priority,
       case when @end - c.opened_at < ${dayMs} then 'lt1d' when @end - c.opened_at < ${7 * dayMs} then 'd1to7'
         when @end - c.opened_at < ${30 * dayMs} then 'd7to30' else 'gt30d' end as bucket,
       count(*) as n
     from last_move m join incident_timeline_entry t on t.id = m.id join candidate c on c.id = m.incident_id
     where t.details ->> 'to' not in ('resolved', 'closed', 'cancelled')
     group by 1, 2`,
    window,
  );
  const pending = q.rows(
    'pending',
    `with ${q.incidents},
     pending as (
       select t.incident_id, t.id, t.at, t.details ->> 'pendingReason' as reason
       from scoped_incident i join incident_timeline_entry t on t.incident_id = i.id
       where t.kind = 'transition' and t.details ->> 'to' = 'pending' and t.at < @end),
     spell as (
       select p.reason, p.at, coalesce((select min(n.at) from incident_timeline_entry n
         where n.incident_id = p.incident_id and n.kind = 'transition' and n.id > p.id), @now) as until
       from pending p)
     select reason, sum(min(until, @end) - max(at, @start)) as ms from spell where until > @start
     group by reason`,
    { ...window, now },
  );
  const byAge = Object.fromEntries(
    backlogAgeBuckets.map((bucket) => [bucket, byPriority(() => 0)]),
  ) as Record<BacklogAgeBucket, Record<Priority, number>>;
  let total = 0;
  for (const row of open) {
    byAge[row.bucket as BacklogAgeBucket][row.priority as Priority] += Number(row.n);
    total += Number(row.n);
  }
  const pendingMinutesByReason = Object.fromEntries(pendingReasons.map((reason) => [reason, 0])) as Record<
    (typeof pendingReasons)[number],
    number
  >;
  for (const row of pending)
    if (row.reason !== null)
      pendingMinutesByReason[row.reason as (typeof pendingReasons)[number]] = Number(row.ms) / minuteMs;
  return { open: total, byAge, pendingMinutesByReason };
}

/** Runs and steps per person (steps by local shift), resolutions, reopenings and escalations. */
function teamFigures(
  q: BaselineQueries,
  window: ReportWindow,
  localTime: (expression: string) => string,
): { team: SteeringFigures['team']; members: BaselineTeamMember[] } {
  // Shift of the local hour h, computed once: ((h + 1) / 8) % 3 is 1 for 07–15, 2 for 15–23, 0 for 23–07.
  const shift = `((cast(${localTime('s.performed_at')} / 3600000 as integer) % 24 + 1) / 8 % 3)`;
  const signed = q.rows(
    'team',
    `with ${q.runs}
     select s.performed_by_id as user_id, ${shift} as shift, count(*) as n
     from step_record s join scoped_run r on r.id = s.run_id
     where s.performed_at >= @start and s.performed_at < @end
       and not exists (select 1 from step_record n where n.run_id = s.run_id and n.step_id = s.step_id and n.revision > s.revision)
     group by 1, 2`,
    window,
  );
  const started = q.rows(
    'team runs',
    `with ${q.runs}
     select r.started_by_id as user_id, count(*) as n from scoped_run r
     where r.started_at >= @start and r.started_at < @end group by 1`,
    window,
  );
  const names = new Map(
    (
      q.rows('team names', `select id, display_name from app_user`) as { id: number; display_name: string }[]
    ).map((row) => [row.id, row.display_name]),
  );
  const people = new Map<number, BaselineTeamMember>();
  const member = (userId: number) => {
    let found = people.get(userId);
    if (!found) {
      found = {
        userId,
        displayName: names.get(userId) ?? '',
        runs: 0,
        steps: 0,
        stepsByShift: { morning: 0, afternoon: 0, night: 0 },
      };
      people.set(userId, found);
    }
    return found;
  };
  const shiftNames = ['night', 'morning', 'afternoon'] as const;
  for (const row of signed) {
    const person = member(Number(row.user_id));
    person.steps += Number(row.n);
    person.stepsByShift[shiftNames[Number(row.shift)]!] += Number(row.n);
  }
  for (const row of started) member(Number(row.user_id)).runs += Number(row.n);
  const moves = q.one(
    'team moves',
    `with ${q.incidents}
     select count(distinct case when t.kind = 'transition' and t.details ->> 'to' = 'resolved' then t.incident_id end) as resolved,
       coalesce(sum(t.kind = 'transition' and t.details ->> 'to' = 'reopened'), 0) as reopened,
       coalesce(sum(t.kind = 'escalation'), 0) as escalations
     from incident_timeline_entry t join scoped_incident i on i.id = t.incident_id
     where t.at >= @start and t.at < @end and t.kind in ('transition', 'escalation')`,
    window,
  );
  const members = [...people.values()];
  const resolved = Number(moves.resolved);
  const reopened = Number(moves.reopened);
  return {
    team: {
      runs: members.reduce((sum, member) => sum + member.runs, 0),
      steps: members.reduce((sum, member) => sum + member.steps, 0),
      resolved,
      reopened,
      reopenRate: ratio(reopened, resolved),
      escalations: Number(moves.escalations),
    },
    members,
  };
}

function figures(
  q: BaselineQueries,
  window: ReportWindow,
  now: number,
  localTime: (expression: string) => string,
) {
  const impact = impactMinutes(q, window, now, []);
  const { changes, planned } = changeFigures(q, window, now);
  const team = teamFigures(q, window, localTime);
  const period = (window.end - window.start) / minuteMs;
  const figures: SteeringFigures = {
    ...clockFigures(q, window),
    volume: volumeFigures(q, window),
    availability: {
      periodMinutes: Math.round(period),
      impactMinutes: impact.total,
      percent: period === 0 ? 100 : ((period - impact.total) / period) * 100,
      plannedRuns: planned.runs,
      plannedMinutes: planned.minutes,
    },
    changes,
    compliance: complianceFigures(q, window),
    recurring: recurringFigures(q, window),
    backlog: backlogFigures(q, window, now),
    team: team.team,
  };
  return { figures, members: team.members };
}

/** The weekly series: every week's figures from one statement per figure, grouped by the local week. */
function weeklyFigures(
  q: BaselineQueries,
  timeZone: string,
  period: LocalPeriod,
  window: ReportWindow,
  now: number,
  localTime: (expression: string) => string,
): BaselineWeek[] {
  const weeks = weeksOf(timeZone, period);
  const firstMonday = Date.parse(`${weeks[0]!.weekStart}T00:00:00Z`) / dayMs;
  const weekOf = (expression: string) =>
    `((cast(${localTime(expression)} / ${dayMs} as integer) - ${firstMonday}) / 7)`;
  const opened = q.rows(
    'weekly opened',
    `with ${q.incidents}
     select ${weekOf('i.opened_at')} as w, i.priority, count(*) as n from scoped_incident i
     where i.opened_at >= @start and i.opened_at < @end group by 1, 2`,
    window,
  );
  const clocks = q.rows(
    'weekly clocks',
    `with ${q.incidents}
     select ${weekOf('c.stopped_at')} as w, c.metric, count(*) as n, sum(c.state = 'met') as met, avg(c.elapsed_minutes) as mean
     from scoped_incident i join incident_sla_clock c on c.incident_id = i.id
     where c.stopped_at >= @start and c.stopped_at < @end and c.state in ('met', 'breached') and i.status != 'cancelled' group by 1, 2`,
    window,
  );
  const recurring = q.rows(
    'weekly recurring',
    `with ${q.tasks}
     select ${weekOf('o.due_at')} as w, sum(o.state != 'cancelled') as due, sum(o.state = 'done' and o.done_at <= o.due_at) as on_time
     from task_occurrence o join scoped_task k on k.id = o.task_id
     where o.due_at >= @start and o.due_at < @end${q.scope.siteId === null ? '' : ' and o.site_id = @site'} group by 1`,
    window,
  );
  const impact = impactMinutes(
    q,
    window,
    now,
    weeks.map((week) => week.window),
  );
  const series: BaselineWeek[] = weeks.map((week, index) => {
    const minutes = (week.window.end - week.window.start) / minuteMs;
    return {
      weekStart: week.weekStart,
      incidentsByPriority: byPriority(() => 0),
      slaPercent: { ack: null, restore: null, resolve: null },
      mttaMinutes: null,
      mttrMinutes: null,
      recurringPercent: null,
      availabilityPercent: minutes === 0 ? 100 : ((minutes - impact.byWeek[index]!) / minutes) * 100,
    };
  });
  for (const row of opened)
    series[Number(row.w)]!.incidentsByPriority[row.priority as Priority] = Number(row.n);
  for (const row of clocks) {
    const week = series[Number(row.w)]!;
    const metric = row.metric as SlaMetric;
    week.slaPercent[metric] = (Number(row.met) / Number(row.n)) * 100;
    if (metric === 'ack') week.mttaMinutes = Number(row.mean);
    if (metric === 'resolve') week.mttrMinutes = Number(row.mean);
  }
  for (const row of recurring)
    if (Number(row.due) > 0)
      series[Number(row.w)]!.recurringPercent = (Number(row.on_time) / Number(row.due)) * 100;
  return series;
}

/** The capped lists' totals and first items: breaches, major incidents, planned work, step exceptions. */
function listTotals(q: BaselineQueries, window: ReportWindow, now: number): BaselineReport['lists'] {
  const checks = stepChecks('s');
  const breaches = q.rows(
    'breaches list',
    `with ${q.incidents}
     select c.incident_id, count(*) over () as total from scoped_incident i join incident_sla_clock c on c.incident_id = i.id
     where c.breached_at >= @start and c.breached_at < @end order by c.breached_at desc, c.id desc limit ${listCap}`,
    window,
  );
  const majors = q.rows(
    'major list',
    `with ${q.incidents}
     select (coalesce((select c.stopped_at from incident_sla_clock c where c.incident_id = i.id and c.metric = 'restore'),
         min(@end, @now)) - i.opened_at) / 60000.0 as minutes, count(*) over () as total
     from scoped_incident i where i.priority = 'P0' and i.opened_at >= @start and i.opened_at < @end
     order by i.opened_at desc, i.id desc limit ${listCap}`,
    { ...window, now },
  );
  const planned = q.rows(
    'planned list',
    `with ${q.runs}, ${q.mopVersions}
     select r.id, count(*) over () as total from scoped_run r
     where r.procedure_version_hash in (select hash from mop_version) and r.started_at >= @start and r.started_at < @end
     order by r.started_at desc, r.id desc limit ${listCap}`,
    window,
  );
  const exceptions = q.rows(
    'exceptions list',
    `with ${q.runs}, ${q.steps},
     current as (
       select s.*, r.procedure_version_hash as hash from step_record s join scoped_run r on r.id = s.run_id
       where s.performed_at >= @start and s.performed_at < @end
         and not exists (select 1 from step_record n where n.run_id = s.run_id and n.step_id = s.step_id and n.revision > s.revision))
     select s.id, count(*) over () as total from current s
     where s.outcome != 'done' or s.deviation = 1 or ${checks.missingReading} or ${checks.missingEvidence} or ${checks.unverified}
     order by s.performed_at desc, s.id desc limit ${listCap}`,
    window,
  );
  const total = (rows: Row[]) => Number(rows[0]?.total ?? 0);
  return {
    breaches: { total: total(breaches), firstIncidentIds: breaches.map((row) => Number(row.incident_id)) },
    majorIncidents: { total: total(majors), durationMinutes: majors.map((row) => Number(row.minutes)) },
    plannedWork: { total: total(planned), runIds: planned.map((row) => Number(row.id)) },
    stepExceptions: { total: total(exceptions), recordIds: exceptions.map((row) => Number(row.id)) },
  };
}

/** The whole report by hand: the period's figures, the previous period's, the weeks and the lists, in one read transaction. */
export function baselineSteeringReport(
  db: Database.Database,
  scope: BaselineScope,
  period: LocalPeriod,
  now: number,
): BaselineReport {
  const hasSourceRun = (
    db.prepare(`select name from pragma_table_info('incident')`).all() as { name: string }[]
  ).some((column) => column.name === 'source_run_id');
  const q = new BaselineQueries(db, scope, hasSourceRun);
  const window = windowOf(scope.timeZone, period);
  const previousWindow = windowOf(scope.timeZone, previousPeriodOf(period));
  const localTime = (expression: string) =>
    localTimeSql(
      expression,
      scope.timeZone,
      previousWindow.start - 7 * dayMs,
      Math.max(window.end, now) + 7 * dayMs,
    );
  return db.transaction(() => {
    const current = figures(q, window, now, localTime);
    return {
      current: current.figures,
      previous: figures(q, previousWindow, now, localTime).figures,
      weeks: weeklyFigures(q, scope.timeZone, period, window, now, localTime),
      lists: listTotals(q, window, now),
      team: current.members,
      timings: Object.fromEntries([...q.timings].map(([label, ms]) => [label, Math.round(ms)])),
    };
  })();
}

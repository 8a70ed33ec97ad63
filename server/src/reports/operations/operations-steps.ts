import type {
  LocalizedText,
  ReportItem,
  StepException,
  StepOutcome,
  TeamMemberActivity,
} from '@vigie/shared';
import type { FigureQuery } from '../report-query.js';
import { ratioOf } from '../report-numbers.js';
import {
  countOf,
  isCurrentRecord,
  isoOf,
  prepared,
  runInScope,
  scopeCtes,
  scopeParams,
  stepSpecsCte,
} from './operations-sql.js';
import { zoneSegments } from './zone-segments.js';

/**
 * Procedure compliance (DESIGN.md §7) over the current step records signed in the window: a record
 * is compliant when it is `done` as written (no deviation) with what its step asks for — the
 * reading, the evidence, and for a critical step another person's verification. Every other signed
 * record is an exception (a skip, a failure, a deviation, or something missing), listed with its
 * reason: exceptions = signed − compliant.
 */
const checkedRecordsCte = `
with ${scopeCtes},
${stepSpecsCte},
-- The runs in scope that were open during the window, decided once each (not once per record);
-- their records are then read run by run through the (run) index.
scoped_runs(id, hash) as materialized (
  select r.id, r.procedure_version_hash from procedure_run r
  where r.started_at < @end and (r.ended_at is null or r.ended_at >= @start) and ${runInScope('r')}
),
records as (
  select s.id, s.run_id, r.hash, s.step_id, s.outcome, s.deviation, s.reading_value,
    s.evidence, s.reason, s.comment, s.performed_by_id, s.performed_at
  from scoped_runs r join step_record s on s.run_id = r.id
  where s.performed_at >= @start and s.performed_at < @end and ${isCurrentRecord('s')}
),
checked as (
  select rc.*,
    rc.outcome = 'done' and coalesce(sp.needs_reading, 0) and rc.reading_value is null as missing_reading,
    rc.outcome = 'done' and coalesce(sp.needs_evidence, 0) and json_array_length(rc.evidence) = 0 as missing_evidence,
    rc.outcome = 'done' and coalesce(sp.critical, 0) and not exists (
      select 1 from step_verification sv where sv.record_id = rc.id and sv.verified_by_id <> rc.performed_by_id
    ) as unverified
  from records rc left join step_specs sp on sp.hash = rc.hash and sp.step_id = rc.step_id
),
judged as (
  select c.*,
    c.outcome = 'done' and not c.deviation and not c.missing_reading and not c.missing_evidence and not c.unverified
      as compliant
  from checked c
)`;

const complianceColumns = `count(*) as signed, sum(compliant) as compliant, sum(missing_reading) as missingReading,
  sum(missing_evidence) as missingEvidence, sum(unverified) as unverified,
  sum(outcome <> 'done') as skipped, sum(deviation) as deviations`;

/** The figures alone: one aggregate, no sorting (the team's split by person and shift costs a sort). */
const complianceSql = `${checkedRecordsCte} select ${complianceColumns} from judged`;

/**
 * One pass over the records for both compliance and the team (the report's lists): counts per person and shift (local
 * hour of `performed_at`: morning 07–15, afternoon 15–23, night 23–07). The zone's UTC offset comes
 * from `zone(from_ms, to_ms, offset_ms)` segments, so the day summer time ends splits correctly.
 */
const stepActivitySql = `${checkedRecordsCte},
zone(from_ms, to_ms, offset_ms) as materialized (
  select z.value ->> '$[0]', z.value ->> '$[1]', z.value ->> '$[2]' from json_each(@zone) z
),
local_records as (
  select j.*, ((j.performed_at + z.offset_ms) / 3600000) % 24 as hour
  from judged j join zone z on j.performed_at >= z.from_ms and j.performed_at < z.to_ms
)
select u.id as userId, u.display_name as displayName,
  case when hour >= 7 and hour < 15 then 'morning' when hour >= 15 and hour < 23 then 'afternoon' else 'night' end
    as shift,
  ${complianceColumns}
from local_records l join app_user u on u.id = l.performed_by_id
-- Grouped by u.id, not the record's column: SQLite would otherwise walk every record in person order.
group by u.id, shift`;

/** Runs started in the window, per person who started them. */
const runsByPersonSql = `
with ${scopeCtes}
select r.started_by_id as userId, u.display_name as displayName, count(*) as runs
from procedure_run r join app_user u on u.id = r.started_by_id
where r.started_at >= @start and r.started_at < @end and ${runInScope('r')}
group by r.started_by_id`;

/** What makes an exception one, for the drill-down: `skipped`, `deviation`, `missing_reading`, … */
const exceptionDetail = `nullif(concat_ws(', ',
  case when j.outcome <> 'done' then j.outcome end,
  case when j.deviation then 'deviation' end,
  case when j.missing_reading then 'missing_reading' end,
  case when j.missing_evidence then 'missing_evidence' end,
  case when j.unverified then 'unverified' end), '')`;

const exceptionColumns = `
select j.id, j.run_id as runId, j.step_id as stepId, j.outcome, j.deviation, j.reason, j.comment,
  j.performed_at as performedAt, u.id as userId, u.display_name as displayName, ${exceptionDetail} as detail`;

const exceptionListSql = `${checkedRecordsCte}
${exceptionColumns}, r.procedure_id as procedureId, v.content -> '$.title' as title
from judged j
join app_user u on u.id = j.performed_by_id
join procedure_run r on r.id = j.run_id
join procedure_version v on v.hash = r.procedure_version_hash
where not j.compliant
order by j.performed_at desc, j.id desc
limit @cap`;

const exceptionItemsSql = `${checkedRecordsCte}
${exceptionColumns}
from judged j join app_user u on u.id = j.performed_by_id
where not j.compliant and j.id > @after and (@user is null or j.performed_by_id = @user)
order by j.id limit @limit`;

export interface ActivityRow {
  userId: number;
  displayName: string;
  shift: 'morning' | 'afternoon' | 'night';
  signed: number;
  compliant: number;
  missingReading: number;
  missingEvidence: number;
  unverified: number;
  skipped: number;
  deviations: number;
}

interface ExceptionRow {
  id: number;
  runId: number;
  stepId: string;
  outcome: StepOutcome;
  deviation: number;
  reason: string | null;
  comment: string | null;
  performedAt: number;
  userId: number;
  displayName: string;
  detail: string | null;
}

/** The step records of the window counted per person and shift (one pass; compliance and team read it). */
export function stepActivity(query: FigureQuery): ActivityRow[] {
  const zone = JSON.stringify(zoneSegments(query.scope.timeZone, query.window));
  return prepared(query.db, stepActivitySql).all({ ...scopeParams(query), zone }) as ActivityRow[];
}

type Compliance = Omit<ActivityRow, 'userId' | 'displayName' | 'shift'>;
const complianceKeys = [
  'signed',
  'compliant',
  'missingReading',
  'missingEvidence',
  'unverified',
  'skipped',
  'deviations',
] as const satisfies readonly (keyof Compliance)[];

/** Compliance of the window, in one aggregate. */
export function complianceFigures(query: FigureQuery) {
  return complianceOf([prepared(query.db, complianceSql).get(scopeParams(query)) as Compliance]);
}

/** Compliance summed over rows of counts (the activity per person and shift, or the one aggregate). */
export function complianceOf(rows: readonly Compliance[]) {
  const total = Object.fromEntries(
    complianceKeys.map((key) => [key, rows.reduce((sum, row) => sum + countOf(row[key]), 0)]),
  ) as Compliance;
  return { ...total, rate: ratioOf(total.compliant, total.signed) };
}

export function stepExceptionList(query: FigureQuery, cap: number): StepException[] {
  const rows = prepared(query.db, exceptionListSql).all({ ...scopeParams(query), cap }) as (ExceptionRow & {
    procedureId: string;
    title: string;
  })[];
  return rows.map((row) => ({
    run: { id: row.runId, procedureId: row.procedureId, title: JSON.parse(row.title) as LocalizedText },
    stepId: row.stepId,
    outcome: row.outcome,
    deviation: row.deviation === 1,
    reason: row.reason,
    comment: row.comment,
    performedAt: isoOf(row.performedAt),
    performedBy: { id: row.userId, displayName: row.displayName },
  }));
}

/** Per person: runs started, current records signed and their shifts; most active first. */
export function teamActivity(query: FigureQuery, activity: readonly ActivityRow[]): TeamMemberActivity[] {
  const people = new Map<number, TeamMemberActivity>();
  const personOf = (id: number, displayName: string) => {
    let person = people.get(id);
    if (!person) {
      person = {
        user: { id, displayName },
        runs: 0,
        steps: 0,
        stepsByShift: { morning: 0, afternoon: 0, night: 0 },
      };
      people.set(id, person);
    }
    return person;
  };
  for (const row of activity) {
    const person = personOf(row.userId, row.displayName);
    person.steps += row.signed;
    person.stepsByShift[row.shift] += row.signed;
  }
  const runs = prepared(query.db, runsByPersonSql).all(scopeParams(query)) as {
    userId: number;
    displayName: string;
    runs: number;
  }[];
  for (const row of runs) personOf(row.userId, row.displayName).runs = row.runs;
  return [...people.values()].sort(
    (a, b) =>
      b.steps - a.steps ||
      b.runs - a.runs ||
      a.user.displayName.localeCompare(b.user.displayName) ||
      a.user.id - b.user.id,
  );
}

export function stepItems(
  query: FigureQuery,
  page: { after: number; limit: number; user: number | null },
): ReportItem[] {
  const rows = prepared(query.db, exceptionItemsSql).all({
    ...scopeParams(query),
    ...page,
  }) as ExceptionRow[];
  return rows.map((row) => ({
    kind: 'step',
    id: row.id,
    runId: row.runId,
    stepId: row.stepId,
    outcome: row.outcome,
    reason: row.reason,
    performedAt: isoOf(row.performedAt),
    performedBy: { id: row.userId, displayName: row.displayName },
    detail: row.detail,
  }));
}

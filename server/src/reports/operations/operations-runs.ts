import { ratioOf } from '../report-numbers.js';
import type { LocalizedText, PlannedWork, ReportItem, RunState } from '@vigie/shared';
import type { FigureQuery } from '../report-query.js';
import {
  countOf,
  isCurrentRecord,
  isMop,
  isoOf,
  isoOrNull,
  prepared,
  runInScope,
  scopeCtes,
  scopeParams,
  stepSpecsCte,
} from './operations-sql.js';

/**
 * Change success and planned work (DESIGN.md §7): MOP runs, read as such from their pinned version.
 * A change failed when it was aborted, when a rollback step was carried out (a current record done
 * or failed on a rollback step: "not applicable" there says no rollback was needed), or when an
 * incident names it as its source run.
 */
const mopChangesCte = `
with ${scopeCtes},
mop_runs as materialized (
  select r.id, r.procedure_id, r.procedure_version_hash as hash, r.state, r.started_at, r.ended_at, r.started_by_id
  from procedure_run r join procedure_version v on v.hash = r.procedure_version_hash
  -- +r.state: read the runs through the ended_at index, not the (state) one that holds nearly all of them.
  where r.ended_at >= @start and r.ended_at < @end and +r.state in ('completed', 'aborted')
    and ${isMop('v')} and ${runInScope('r')}
),
${stepSpecsCte},
changes as (
  select m.*,
    exists (
      select 1 from step_record s join step_specs sp on sp.hash = m.hash and sp.step_id = s.step_id
      where s.run_id = m.id and sp.rollback and s.outcome in ('done', 'failed') and ${isCurrentRecord('s')}
    ) as rolled_back,
    exists (select 1 from incident i where i.source_run_id = m.id) as with_incident
  from mop_runs m
),
judged as (
  select c.*, c.state = 'completed' and not c.rolled_back and not c.with_incident as successful from changes c
)`;

const changesSql = `${mopChangesCte}
select count(*) as total, sum(successful) as successful, sum(rolled_back) as rolledBack,
  sum(with_incident) as withIncident, sum(state = 'aborted') as aborted
from judged`;

/** MOP runs started in the window; a run still going counts until now (or the window's end). */
const plannedRunsCte = `
with ${scopeCtes},
planned as (
  select r.id, r.procedure_id, r.procedure_version_hash as hash, r.state, r.started_at, r.ended_at,
    max(0, coalesce(r.ended_at, min(@end, @now)) - r.started_at) / 60000.0 as minutes
  from procedure_run r join procedure_version v on v.hash = r.procedure_version_hash
  where r.started_at >= @start and r.started_at < @end and ${isMop('v')} and ${runInScope('r')}
)`;

const plannedSql = `${plannedRunsCte} select count(*) as runs, total(minutes) as minutes from planned`;

const plannedListSql = `${plannedRunsCte}
select p.id, p.procedure_id as procedureId, v.content -> '$.title' as title, p.state, p.started_at as startedAt,
  p.ended_at as endedAt, p.minutes
from planned p join procedure_version v on v.hash = p.hash
order by p.started_at desc, p.id desc
limit @cap`;

/** Every run (any kind) started in the window: the team's activity. */
const runsStartedCte = `
with ${scopeCtes},
started as (
  select r.id, r.procedure_id, r.procedure_version_hash as hash, r.state, r.started_at, r.ended_at, r.started_by_id
  from procedure_run r
  where r.started_at >= @start and r.started_at < @end and ${runInScope('r')}
)`;

const runsStartedSql = `${runsStartedCte} select count(*) as runs from started`;

interface RunRow {
  id: number;
  procedureId: string;
  title: string;
  state: RunState;
  startedAt: number;
  endedAt: number | null;
}

const now = () => Date.now();

export function changeFigures(query: FigureQuery) {
  const row = prepared(query.db, changesSql).get(scopeParams(query)) as Record<string, number | null>;
  const total = countOf(row.total);
  const successful = countOf(row.successful);
  return {
    total,
    successful,
    rolledBack: countOf(row.rolledBack),
    withIncident: countOf(row.withIncident),
    aborted: countOf(row.aborted),
    success: ratioOf(successful, total),
  };
}

export function plannedFigures(query: FigureQuery): { runs: number; minutes: number } {
  const row = prepared(query.db, plannedSql).get({ ...scopeParams(query), now: now() }) as {
    runs: number;
    minutes: number;
  };
  return { runs: countOf(row.runs), minutes: row.minutes };
}

export function plannedWorkList(query: FigureQuery, cap: number): PlannedWork[] {
  const rows = prepared(query.db, plannedListSql).all({
    ...scopeParams(query),
    now: now(),
    cap,
  }) as (RunRow & {
    minutes: number;
  })[];
  return rows.map((row) => ({
    run: runRefOf(row),
    state: row.state,
    startedAt: isoOf(row.startedAt),
    endedAt: isoOrNull(row.endedAt),
    minutes: Math.round(row.minutes * 1000) / 1000,
  }));
}

export function runsStarted(query: FigureQuery): number {
  const row = prepared(query.db, runsStartedSql).get(scopeParams(query)) as { runs: number };
  return countOf(row.runs);
}

function runRefOf(row: Pick<RunRow, 'id' | 'procedureId' | 'title'>) {
  return { id: row.id, procedureId: row.procedureId, title: JSON.parse(row.title) as LocalizedText };
}

// Drill-down: the runs behind `changes.all`, `changes.failed` and `team.runs`, in id order (keyset).

const runItemColumns = (from: string) => `
select x.id, x.procedure_id as procedureId, v.content -> '$.title' as title, x.state, x.started_at as startedAt,
  x.ended_at as endedAt, ${from} as detail
`;

const changeItemsSql = (failedOnly: boolean) => `${mopChangesCte}
${runItemColumns(
  `case when x.state = 'aborted' then 'aborted' when x.rolled_back then 'rolled_back'
    when x.with_incident then 'incident' else 'successful' end`,
)}
from judged x join procedure_version v on v.hash = x.hash
where x.id > @after and (@user is null or x.started_by_id = @user) ${failedOnly ? 'and not x.successful' : ''}
order by x.id limit @limit`;

const runsStartedItemsSql = `${runsStartedCte}
${runItemColumns('null')}
from started x join procedure_version v on v.hash = x.hash
where x.id > @after and (@user is null or x.started_by_id = @user)
order by x.id limit @limit`;

export type RunItemFigure = 'changes.all' | 'changes.failed' | 'team.runs';

const runItemSql: Record<RunItemFigure, string> = {
  'changes.all': changeItemsSql(false),
  'changes.failed': changeItemsSql(true),
  'team.runs': runsStartedItemsSql,
};

export function runItems(
  query: FigureQuery,
  figure: RunItemFigure,
  page: { after: number; limit: number; user: number | null },
): ReportItem[] {
  const rows = prepared(query.db, runItemSql[figure]).all({ ...scopeParams(query), ...page }) as (RunRow & {
    detail: string | null;
  })[];
  return rows.map((row) => ({
    kind: 'run',
    ...runRefOf(row),
    state: row.state,
    startedAt: isoOf(row.startedAt),
    endedAt: isoOrNull(row.endedAt),
    detail: row.detail,
  }));
}

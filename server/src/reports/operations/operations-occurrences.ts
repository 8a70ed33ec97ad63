import type { OccurrenceState, ReportItem, SteeringFigures } from '@vigie/shared';
import type { ReportWindow } from '../report-period.js';
import type { FigureQuery } from '../report-query.js';
import { ratioOf } from '../report-numbers.js';
import { countOf, isoOf, prepared, scopeCtes, scopeParams } from './operations-sql.js';

/**
 * Recurring work (DESIGN.md §7): occurrences of the tasks in scope due in the window. Cancelled
 * ones are not due; on time = done by the due time; late = done after it; missed stays missed.
 * A task is a round when its procedure has the `inspection` category, read from the procedure's
 * most recently pinned version (a procedure never run yet has no version: it counts as maintenance).
 */
const occurrencesCte = `
with ${scopeCtes},
task_kinds(id, title, round) as (
  select st.id, st.title, coalesce((
    select exists (select 1 from json_each(v.content, '$.categories') c where c.value = 'inspection')
    from procedure_version v where v.procedure_id = st.procedure_id
    order by v.pinned_at desc limit 1), 0)
  from scoped_tasks st
),
occurrences as (
  select o.id, o.task_id, tk.title, tk.round, o.state, o.scheduled_at, o.due_at, o.done_at, o.lateness_minutes, o.run_id,
    o.state = 'done' and o.done_at <= o.due_at as on_time,
    o.state = 'done' and o.done_at > o.due_at as late
  from task_occurrence o join task_kinds tk on tk.id = o.task_id
  where o.due_at >= @start and o.due_at < @end
)`;

const recurringSql = `${occurrencesCte}
select round, sum(state <> 'cancelled') as due, sum(on_time) as onTime, sum(late) as late,
  sum(state = 'missed') as missed, sum(state = 'cancelled') as cancelled,
  total(case when late then lateness_minutes end) as latenessSum
from occurrences group by round`;

interface SplitRow {
  round: number;
  due: number;
  onTime: number;
  late: number;
  missed: number;
  cancelled: number;
  latenessSum: number;
}

type RecurringSplit = SteeringFigures['recurring']['rounds'];

function splitOf(rows: readonly SplitRow[]): RecurringSplit {
  const sum = (key: keyof SplitRow) => rows.reduce((total, row) => total + countOf(row[key]), 0);
  const due = sum('due');
  const onTime = sum('onTime');
  const late = sum('late');
  return {
    due,
    onTime,
    late,
    missed: sum('missed'),
    completion: ratioOf(onTime, due),
    meanLatenessMinutes: late === 0 ? null : Math.round((sum('latenessSum') / late) * 1000) / 1000,
  };
}

export function recurringFigures(query: FigureQuery): SteeringFigures['recurring'] {
  const rows = prepared(query.db, recurringSql).all(scopeParams(query)) as SplitRow[];
  return {
    ...splitOf(rows),
    cancelled: rows.reduce((total, row) => total + countOf(row.cancelled), 0),
    rounds: splitOf(rows.filter((row) => row.round === 1)),
    maintenance: splitOf(rows.filter((row) => row.round !== 1)),
  };
}

/** Completion % of each week window (null for a week with nothing due). */
export function recurringPercents(query: Omit<FigureQuery, 'window'>, weeks: readonly ReportWindow[]) {
  return weeks.map((window) => recurringFigures({ ...query, window }).completion.percent);
}

export type OccurrenceItemFigure = 'recurring.due' | 'recurring.late' | 'recurring.missed';

const occurrenceFilter: Record<OccurrenceItemFigure, string> = {
  'recurring.due': `x.state <> 'cancelled'`,
  'recurring.late': 'x.late',
  'recurring.missed': `x.state = 'missed'`,
};

const occurrenceItemsSql = (figure: OccurrenceItemFigure) => `${occurrencesCte}
select x.id, x.task_id as taskId, x.title, x.state, x.scheduled_at as scheduledAt, x.due_at as dueAt,
  x.lateness_minutes as latenessMinutes, x.run_id as runId
from occurrences x
where ${occurrenceFilter[figure]} and x.id > @after
order by x.id limit @limit`;

const occurrenceItemSql: Record<OccurrenceItemFigure, string> = {
  'recurring.due': occurrenceItemsSql('recurring.due'),
  'recurring.late': occurrenceItemsSql('recurring.late'),
  'recurring.missed': occurrenceItemsSql('recurring.missed'),
};

export function occurrenceItems(
  query: FigureQuery,
  figure: OccurrenceItemFigure,
  page: { after: number; limit: number },
): ReportItem[] {
  const rows = prepared(query.db, occurrenceItemSql[figure]).all({ ...scopeParams(query), ...page }) as {
    id: number;
    taskId: number;
    title: string;
    state: OccurrenceState;
    scheduledAt: number;
    dueAt: number;
    latenessMinutes: number | null;
    runId: number | null;
  }[];
  return rows.map((row) => ({
    kind: 'occurrence',
    id: row.id,
    taskId: row.taskId,
    title: row.title,
    state: row.state,
    scheduledAt: isoOf(row.scheduledAt),
    dueAt: isoOf(row.dueAt),
    latenessMinutes: row.latenessMinutes,
    runId: row.runId,
  }));
}

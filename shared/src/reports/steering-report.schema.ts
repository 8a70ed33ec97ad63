import { z } from 'zod';
import { localeSchema } from '../common/locale.js';
import { incidentStatusSchema } from '../incidents/incident-status.js';
import { incidentOrigins, pendingReasons, userRefSchema } from '../incidents/incident.schema.js';
import { slaMetricSchema } from '../incidents/sla-clock.schema.js';
import { prioritySchema } from '../inventory/contract.schema.js';
import { localizedTextSchema, procedureCategorySchema } from '../procedures/procedure.schema.js';
import { stepOutcomeSchema } from '../runs/step-record.schema.js';
import { runStateSchema } from '../runs/run.schema.js';
import { occurrenceStateSchema } from '../tasks/occurrence.schema.js';

/**
 * The steering-committee report (DESIGN.md §7): every figure for one client contract (or, without
 * a tenant, the site-wide overview) over a period of local dates, with the previous period beside it.
 */

/** The longest period one report covers: a year and a day (a leap year's 366 days fit). */
export const maxReportDays = 367;

/** The CSV tables of a report, one file each. */
export const steeringTables = [
  'summary',
  'sla',
  'breaches',
  'major-incidents',
  'volume',
  'changes',
  'compliance',
  'recurring',
  'backlog',
  'team',
  'weekly',
] as const;
export const steeringTableSchema = z.enum(steeringTables);
export type SteeringTable = z.infer<typeof steeringTableSchema>;

export const reportFormats = ['json', 'pdf', 'csv'] as const;
export const reportFormatSchema = z.enum(reportFormats);
export type ReportFormat = z.infer<typeof reportFormatSchema>;

/** Who and when: a tenant (omitted for the overview), an optional site, and local dates (`to` included). */
export const reportScopeQuerySchema = z.strictObject({
  tenant: z.coerce.number().int().positive().optional(),
  site: z.coerce.number().int().positive().optional(),
  from: z.iso.date(),
  to: z.iso.date(),
});
export type ReportScopeQuery = z.infer<typeof reportScopeQuerySchema>;

/** `GET /api/reports/steering`: JSON by default; `format=csv` needs `table`; `lang` words the exports. */
export const steeringReportQuerySchema = reportScopeQuerySchema.extend({
  format: reportFormatSchema.default('json'),
  table: steeringTableSchema.optional(),
  lang: localeSchema.default('fr'),
});
export type SteeringReportQuery = z.infer<typeof steeringReportQuerySchema>;

/** A share: `count` of `of`; `percent` is null when there is nothing to measure (of = 0). */
export const ratioSchema = z.object({
  count: z.number().int().nonnegative(),
  of: z.number().int().nonnegative(),
  percent: z.number().nullable(),
});
export type Ratio = z.infer<typeof ratioSchema>;

/** Durations in minutes of contractual time (pauses deducted); null without any sample. */
export const durationStatsSchema = z.object({
  count: z.number().int().nonnegative(),
  meanMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
});
export type DurationStats = z.infer<typeof durationStatsSchema>;

const count = z.number().int().nonnegative();
const byPriority = <T extends z.ZodType>(value: T) => z.record(prioritySchema, value);
const byMetric = <T extends z.ZodType>(value: T) => z.record(slaMetricSchema, value);

export const backlogAgeBuckets = ['lt1d', 'd1to7', 'd7to30', 'gt30d'] as const;
export const backlogAgeBucketSchema = z.enum(backlogAgeBuckets);
export type BacklogAgeBucket = z.infer<typeof backlogAgeBucketSchema>;

/** Shifts by local start time of the work: morning 07–15, afternoon 15–23, night 23–07. */
export const shifts = ['morning', 'afternoon', 'night'] as const;
export const shiftSchema = z.enum(shifts);
export type Shift = z.infer<typeof shiftSchema>;

const recurringSplitSchema = z.object({
  due: count,
  onTime: count,
  late: count,
  missed: count,
  /** done on time ÷ due (cancelled ones are not due). */
  completion: ratioSchema,
  meanLatenessMinutes: z.number().nullable(),
});

/** The figures of one period: the report carries them for the period and for the previous one. */
export const steeringFiguresSchema = z.object({
  /** SLA adherence: clocks met ÷ clocks that ended in the period, per metric, overall and by priority. */
  sla: byMetric(z.object({ all: ratioSchema, byPriority: byPriority(ratioSchema) })),
  /** MTTA (ack), MTTRestore (restore), MTTR (resolve): over the clocks that ended in the period. */
  responseTimes: byMetric(
    z.object({ all: durationStatsSchema, byPriority: byPriority(durationStatsSchema) }),
  ),
  /** Incidents opened in the period. */
  volume: z.object({
    total: count,
    major: count,
    byPriority: byPriority(count),
    byOrigin: z.record(z.enum(incidentOrigins), count),
    /** Most frequent first; `category` null for incidents without one. */
    byCategory: z.array(z.object({ category: procedureCategorySchema.nullable(), count })),
    /** Most frequent first; `room` null for incidents without a room. */
    byRoom: z.array(
      z.object({ room: z.object({ id: z.number().int(), name: z.string() }).nullable(), count }),
    ),
  }),
  /** (period − unplanned client-impact minutes) ÷ period; planned work (MOP runs) shown apart. */
  availability: z.object({
    periodMinutes: count,
    impactMinutes: z.number().nonnegative(),
    percent: z.number(),
    plannedRuns: count,
    plannedMinutes: z.number().nonnegative(),
  }),
  /** MOP runs ended in the period: success = completed, no rollback step recorded, no incident raised from it. */
  changes: z.object({
    total: count,
    successful: count,
    rolledBack: count,
    withIncident: count,
    aborted: count,
    success: ratioSchema,
  }),
  /** Current step records signed in the period, against what their step asks for. */
  compliance: z.object({
    signed: count,
    compliant: count,
    missingReading: count,
    missingEvidence: count,
    unverified: count,
    skipped: count,
    deviations: count,
    rate: ratioSchema,
  }),
  /** Occurrences due in the period (by due time); rounds (inspection procedures) apart from maintenance. */
  recurring: recurringSplitSchema.extend({
    cancelled: count,
    rounds: recurringSplitSchema,
    maintenance: recurringSplitSchema,
  }),
  /** Incidents still open at the end of the period, and the pending time spent in the period by reason. */
  backlog: z.object({
    open: count,
    byAge: z.record(backlogAgeBucketSchema, byPriority(count)),
    pendingMinutesByReason: z.record(z.enum(pendingReasons), z.number().nonnegative()),
  }),
  /** Runs started and step records signed in the period; reopenings and escalations. */
  team: z.object({
    runs: count,
    steps: count,
    resolved: count,
    reopened: count,
    reopenRate: ratioSchema,
    escalations: count,
  }),
});
export type SteeringFigures = z.infer<typeof steeringFiguresSchema>;

const incidentRefSchema = z.object({
  id: z.number().int(),
  reference: z.string(),
  title: z.string(),
  priority: prioritySchema,
});

export const slaBreachSchema = z.object({
  incident: incidentRefSchema,
  metric: slaMetricSchema,
  dueAt: z.iso.datetime(),
  breachedAt: z.iso.datetime(),
  /** Null while the clock still runs. */
  stoppedAt: z.iso.datetime().nullable(),
  targetMinutes: z.number().int(),
  elapsedMinutes: z.number(),
});
export type SlaBreach = z.infer<typeof slaBreachSchema>;

export const majorIncidentSchema = z.object({
  incident: incidentRefSchema,
  status: incidentStatusSchema,
  openedAt: z.iso.datetime(),
  restoredAt: z.iso.datetime().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  /** Opened → restored (or → the end of the period while not restored). */
  durationMinutes: z.number().nonnegative(),
  rootCause: z.string().nullable(),
  workaround: z.string().nullable(),
});
export type MajorIncident = z.infer<typeof majorIncidentSchema>;

const runRefSchema = z.object({ id: z.number().int(), procedureId: z.string(), title: localizedTextSchema });

export const plannedWorkSchema = z.object({
  run: runRefSchema,
  state: runStateSchema,
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  minutes: z.number().nonnegative(),
});
export type PlannedWork = z.infer<typeof plannedWorkSchema>;

export const stepExceptionSchema = z.object({
  run: runRefSchema,
  stepId: z.string(),
  outcome: stepOutcomeSchema,
  deviation: z.boolean(),
  reason: z.string().nullable(),
  comment: z.string().nullable(),
  performedAt: z.iso.datetime(),
  performedBy: userRefSchema,
});
export type StepException = z.infer<typeof stepExceptionSchema>;

export const teamMemberActivitySchema = z.object({
  user: userRefSchema,
  runs: count,
  steps: count,
  stepsByShift: z.record(shiftSchema, count),
});
export type TeamMemberActivity = z.infer<typeof teamMemberActivitySchema>;

/** One local week (Monday first) of the period, for the charts. */
export const reportWeekSchema = z.object({
  weekStart: z.iso.date(),
  incidentsByPriority: byPriority(count),
  slaPercent: byMetric(z.number().nullable()),
  mttaMinutes: z.number().nullable(),
  mttrMinutes: z.number().nullable(),
  recurringPercent: z.number().nullable(),
  availabilityPercent: z.number(),
});
export type ReportWeek = z.infer<typeof reportWeekSchema>;

const periodSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  /** The instants the local dates stand for: [start, end). */
  start: z.iso.datetime(),
  end: z.iso.datetime(),
});
export type ReportPeriod = z.infer<typeof periodSchema>;

/** Lists are capped; `total` tells how many there are (the drill-down pages through all). */
const cappedList = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: count });

export const steeringReportSchema = z.object({
  scope: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('tenant'),
      tenant: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
      contract: z
        .object({
          reference: z.string(),
          serviceHours: z.string(),
          startsOn: z.iso.date().nullable(),
          endsOn: z.iso.date().nullable(),
        })
        .nullable(),
    }),
    z.object({ kind: z.literal('overview') }),
  ]),
  site: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
  /** The zone the local dates are read in: the site's, else the first site's of the scope. */
  timeZone: z.string(),
  period: periodSchema,
  previousPeriod: periodSchema,
  generatedAt: z.iso.datetime(),
  current: steeringFiguresSchema,
  previous: steeringFiguresSchema,
  breaches: cappedList(slaBreachSchema),
  majorIncidents: cappedList(majorIncidentSchema),
  plannedWork: cappedList(plannedWorkSchema),
  stepExceptions: cappedList(stepExceptionSchema),
  team: z.array(teamMemberActivitySchema),
  weeks: z.array(reportWeekSchema),
});
export type SteeringReport = z.infer<typeof steeringReportSchema>;

/**
 * Drill-down: the records behind one figure. `GET /api/reports/steering/items` with the scope,
 * the figure, and the optional narrowing the figure was shown with.
 */
export const reportFigureKeys = [
  'incidents.opened',
  'incidents.major',
  'sla.ended',
  'sla.breached',
  'availability.impact',
  'changes.all',
  'changes.failed',
  'compliance.exceptions',
  'recurring.due',
  'recurring.late',
  'recurring.missed',
  'backlog.open',
  'team.runs',
  'team.reopened',
  'team.escalated',
] as const;
export const reportFigureKeySchema = z.enum(reportFigureKeys);
export type ReportFigureKey = z.infer<typeof reportFigureKeySchema>;

export const reportItemsQuerySchema = reportScopeQuerySchema.extend({
  figure: reportFigureKeySchema,
  /** The previous period instead of the report's own. */
  previous: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  priority: prioritySchema.optional(),
  metric: slaMetricSchema.optional(),
  userId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type ReportItemsQuery = z.infer<typeof reportItemsQuerySchema>;

export const reportItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('incident'),
    id: z.number().int(),
    reference: z.string(),
    title: z.string(),
    priority: prioritySchema,
    status: incidentStatusSchema,
    openedAt: z.iso.datetime(),
    /** What makes it count, in figures: e.g. the metric's elapsed minutes. */
    detail: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('run'),
    id: z.number().int(),
    procedureId: z.string(),
    title: localizedTextSchema,
    state: runStateSchema,
    startedAt: z.iso.datetime(),
    endedAt: z.iso.datetime().nullable(),
    detail: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('occurrence'),
    id: z.number().int(),
    taskId: z.number().int(),
    title: z.string(),
    state: occurrenceStateSchema,
    scheduledAt: z.iso.datetime(),
    dueAt: z.iso.datetime(),
    latenessMinutes: z.number().int().nullable(),
    runId: z.number().int().nullable(),
  }),
  z.object({
    kind: z.literal('step'),
    id: z.number().int(),
    runId: z.number().int(),
    stepId: z.string(),
    outcome: stepOutcomeSchema,
    reason: z.string().nullable(),
    performedAt: z.iso.datetime(),
    performedBy: userRefSchema,
    detail: z.string().nullable(),
  }),
]);
export type ReportItem = z.infer<typeof reportItemSchema>;

import {
  backlogAgeBuckets,
  incidentOrigins,
  pendingReasons,
  priorities,
  slaMetrics,
  type Priority,
  type Ratio,
  type SteeringFigures,
  type SteeringReport,
} from '@vigie/shared';

/*
 * A small, valid steering report for unit specs: the shared schema's shape with numbers that
 * are easy to check by eye (the previous period is the current one scaled by `previousScale`).
 */

const ratio = (count: number, of: number): Ratio => ({
  count,
  of,
  percent: of === 0 ? null : Math.round((count / of) * 1000) / 10,
});

const perPriority = <T>(make: (priority: Priority, index: number) => T): Record<Priority, T> =>
  Object.fromEntries(priorities.map((priority, index) => [priority, make(priority, index)])) as Record<
    Priority,
    T
  >;

function recurringSplit(due: number, onTime: number, late: number) {
  return {
    due,
    onTime,
    late,
    missed: due - onTime - late,
    completion: ratio(onTime, due),
    meanLatenessMinutes: late === 0 ? null : 35,
  };
}

export function sampleFigures(scale = 1): SteeringFigures {
  const n = (value: number) => Math.round(value * scale);
  return {
    sla: Object.fromEntries(
      slaMetrics.map((metric) => [
        metric,
        { all: ratio(n(38), n(40)), byPriority: perPriority((_p, i) => ratio(n(8 - i), n(8))) },
      ]),
    ) as SteeringFigures['sla'],
    responseTimes: Object.fromEntries(
      slaMetrics.map((metric, m) => [
        metric,
        {
          all: { count: n(40), meanMinutes: 12 * (m + 1) * scale, p90Minutes: 30 * (m + 1) * scale },
          byPriority: perPriority((_p, i) => ({
            count: n(8),
            meanMinutes: (10 + i) * (m + 1),
            p90Minutes: (20 + i) * (m + 1),
          })),
        },
      ]),
    ) as SteeringFigures['responseTimes'],
    volume: {
      total: n(40),
      major: n(1),
      byPriority: perPriority((_p, i) => n(i * 4)),
      byOrigin: Object.fromEntries(incidentOrigins.map((origin) => [origin, n(10)])) as Record<
        (typeof incidentOrigins)[number],
        number
      >,
      byCategory: [
        { category: 'power', count: n(25) },
        { category: null, count: n(15) },
      ],
      byRoom: [
        { room: { id: 1, name: 'Salle A' }, count: n(30) },
        { room: null, count: n(10) },
      ],
    },
    availability: {
      periodMinutes: 44_640,
      impactMinutes: 45 * scale,
      percent: 100 - (45 * scale * 100) / 44_640,
      plannedRuns: n(2),
      plannedMinutes: 180,
    },
    changes: {
      total: n(5),
      successful: n(4),
      rolledBack: n(1),
      withIncident: 0,
      aborted: 0,
      success: ratio(n(4), n(5)),
    },
    compliance: {
      signed: n(200),
      compliant: n(190),
      missingReading: n(4),
      missingEvidence: n(3),
      unverified: n(3),
      skipped: n(6),
      deviations: n(2),
      rate: ratio(n(190), n(200)),
    },
    recurring: {
      ...recurringSplit(n(100), n(90), n(6)),
      cancelled: n(2),
      rounds: recurringSplit(n(90), n(82), n(5)),
      maintenance: recurringSplit(n(10), n(8), n(1)),
    },
    backlog: {
      open: n(12),
      byAge: Object.fromEntries(
        backlogAgeBuckets.map((bucket) => [bucket, perPriority(() => n(0.6))]),
      ) as Record<(typeof backlogAgeBuckets)[number], Record<Priority, number>>,
      pendingMinutesByReason: Object.fromEntries(
        pendingReasons.map((reason) => [reason, 90 * scale]),
      ) as Record<(typeof pendingReasons)[number], number>,
    },
    team: {
      runs: n(30),
      steps: n(220),
      resolved: n(36),
      reopened: n(2),
      reopenRate: ratio(n(2), n(36)),
      escalations: n(3),
    },
  };
}

const incident = {
  id: 7,
  reference: 'INC-2026-0007',
  title: 'Climatisation salle A',
  priority: 'P1' as const,
};
const run = {
  id: 3,
  procedureId: 'mop-ups-maintenance',
  title: { fr: 'Maintenance onduleur', en: 'UPS maintenance' },
};

/** October 2026 for tenant 1, with September as the previous period and October's weeks. */
export function sampleSteeringReport(previousScale = 0.8): SteeringReport {
  const weekStarts = ['2026-10-01', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26'];
  return {
    scope: {
      kind: 'tenant',
      tenant: { id: 1, code: 'NOVA', name: 'Novabank' },
      contract: { reference: 'CTR-NOVA-1', serviceHours: '24x7', startsOn: '2025-01-01', endsOn: null },
    },
    site: null,
    timeZone: 'Europe/Paris',
    period: {
      from: '2026-10-01',
      to: '2026-10-31',
      start: '2026-09-30T22:00:00.000Z',
      end: '2026-10-31T23:00:00.000Z',
    },
    previousPeriod: {
      from: '2026-09-01',
      to: '2026-09-30',
      start: '2026-08-31T22:00:00.000Z',
      end: '2026-09-30T22:00:00.000Z',
    },
    generatedAt: '2026-11-02T08:00:00.000Z',
    current: sampleFigures(),
    previous: sampleFigures(previousScale),
    breaches: {
      items: [
        {
          incident,
          metric: 'restore',
          dueAt: '2026-10-10T10:00:00.000Z',
          breachedAt: '2026-10-10T10:00:00.000Z',
          stoppedAt: '2026-10-10T11:30:00.000Z',
          targetMinutes: 240,
          elapsedMinutes: 330,
        },
      ],
      total: 1,
    },
    majorIncidents: {
      items: [
        {
          incident: { ...incident, id: 8, reference: 'INC-2026-0008', priority: 'P0' },
          status: 'closed',
          openedAt: '2026-10-12T08:00:00.000Z',
          restoredAt: '2026-10-12T09:10:00.000Z',
          resolvedAt: '2026-10-12T15:00:00.000Z',
          durationMinutes: 70,
          rootCause: 'Disjoncteur défaillant',
          workaround: 'Bascule sur la voie B',
        },
      ],
      total: 1,
    },
    plannedWork: {
      items: [
        {
          run,
          state: 'completed',
          startedAt: '2026-10-20T06:00:00.000Z',
          endedAt: '2026-10-20T09:00:00.000Z',
          minutes: 180,
        },
      ],
      total: 1,
    },
    stepExceptions: {
      items: [
        {
          run,
          stepId: 'check-load',
          outcome: 'skipped',
          deviation: false,
          reason: 'Capteur hors service',
          comment: null,
          performedAt: '2026-10-20T07:00:00.000Z',
          performedBy: { id: 3, displayName: 'Théo Technicien' },
        },
      ],
      total: 1,
    },
    team: [
      {
        user: { id: 3, displayName: 'Théo Technicien' },
        runs: 20,
        steps: 150,
        stepsByShift: { morning: 80, afternoon: 50, night: 20 },
      },
    ],
    weeks: weekStarts.map((weekStart, index) => ({
      weekStart,
      incidentsByPriority: perPriority((_p, i) => i + index),
      slaPercent: { ack: 100 - index, restore: 95 - index, resolve: index === 0 ? null : 90 },
      mttaMinutes: 10 + index,
      mttrMinutes: index === 0 ? null : 200 + index * 10,
      recurringPercent: 90 + index,
      availabilityPercent: 100 - index * 0.01,
    })),
  };
}

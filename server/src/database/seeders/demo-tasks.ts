import type { EntityManager } from '@mikro-orm/core';
import { Logger } from '@nestjs/common';
import { type OccurrenceState, parseRrule } from '@vigie/shared';
import { isoDateOfDay, localDayOf } from '../../incidents/sla/zoned-time.js';
import type { Site } from '../../inventory/site.entity.js';
import { latenessOf } from '../../tasks/occurrence-lifecycle.js';
import { occurrencesOf } from '../../tasks/recurrence.js';
import { RecurringTask } from '../../tasks/recurring-task.entity.js';
import { TaskOccurrence } from '../../tasks/task-occurrence.entity.js';
import type { SeededRandom } from './seeded-random.js';

const msPerMinute = 60_000;
const msPerDay = 86_400_000;
/** As the scheduler's default horizon: it carries on from there. */
const horizonDays = 7;
const insertChunk = 400;

interface DemoTaskSpec {
  title: string;
  procedureId: string;
  rrule: string;
  leadMinutes: number;
  graceMinutes: number;
  team: string;
  /** Typical minutes from start to done. */
  minutes: number;
}

/** The demo programme: each task runs its dedicated procedure from the library. */
const demoProgramme: DemoTaskSpec[] = [
  {
    title: "Ronde d'inspection",
    procedureId: 'daily-inspection-round',
    rrule: 'FREQ=DAILY;BYHOUR=7,15,23;BYMINUTE=0',
    leadMinutes: 30,
    graceMinutes: 90,
    team: 'operations',
    minutes: 60,
  },
  {
    title: 'Contrôle hebdomadaire des onduleurs',
    procedureId: 'ups-weekly-check',
    rrule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0',
    leadMinutes: 120,
    graceMinutes: 480,
    team: 'electrical',
    minutes: 45,
  },
  {
    title: 'Contrôle hebdomadaire de la climatisation',
    procedureId: 'cooling-weekly-check',
    rrule: 'FREQ=WEEKLY;BYDAY=WE;BYHOUR=10;BYMINUTE=0',
    leadMinutes: 120,
    graceMinutes: 480,
    team: 'mechanical',
    minutes: 45,
  },
  {
    title: 'Essai en charge mensuel du groupe électrogène',
    procedureId: 'generator-monthly-load-test',
    rrule: 'FREQ=MONTHLY;BYDAY=1TU;BYHOUR=10;BYMINUTE=0',
    leadMinutes: 1440,
    graceMinutes: 1440,
    team: 'electrical',
    minutes: 150,
  },
  {
    title: 'Thermographie trimestrielle des PDU',
    procedureId: 'pdu-quarterly-thermography',
    rrule: 'FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=2TH;BYHOUR=14;BYMINUTE=0',
    leadMinutes: 2880,
    graceMinutes: 2880,
    team: 'electrical',
    minutes: 120,
  },
];

const cancelReasons = [
  'Salle fermée pour travaux',
  'Remplacé par une intervention du mainteneur',
  'Exercice incendie en cours',
];

type OccurrenceRow = Omit<TaskOccurrence, 'id' | 'task' | 'site'> & { task: number; site: number };

/** One past occurrence's fate: mostly done on time, some late, a few missed or cancelled. */
function pastOccurrence(random: SeededRandom, spec: DemoTaskSpec, at: number): Partial<OccurrenceRow> {
  const dueAt = at + spec.graceMinutes * msPerMinute;
  const roll = random.next();
  if (roll < 0.04) return { state: 'missed' };
  if (roll < 0.06) return { state: 'cancelled', cancelReason: random.pick(cancelReasons) };
  const late = roll < 0.14;
  const startedAt = late
    ? dueAt - random.int(5, 30) * msPerMinute
    : at + random.int(-Math.min(spec.leadMinutes, 20), Math.floor(spec.graceMinutes / 3)) * msPerMinute;
  const doneAt = new Date(startedAt + Math.round(spec.minutes * (0.7 + random.next() * 0.6)) * msPerMinute);
  return {
    state: 'done',
    startedAt: new Date(startedAt),
    doneAt,
    latenessMinutes: latenessOf(new Date(dueAt), doneAt),
  };
}

/**
 * A year of the recurring programme, deterministic: past occurrences done (some late), a few
 * missed or cancelled; the most recent round missed so the board shows one overdue; today's and
 * the coming week's occurrences due or scheduled. Bulk inserted: the demo start stays fast.
 */
export async function createDemoTasks(
  em: EntityManager,
  site: Site,
  random: SeededRandom,
  now: Date,
): Promise<number> {
  const started = Date.now();
  const yearAgo = now.getTime() - 365 * msPerDay;
  const startDate = isoDateOfDay(localDayOf(site.timeZone, yearAgo));
  const rows: OccurrenceRow[] = [];
  for (const spec of demoProgramme) {
    const parsed = parseRrule(spec.rrule);
    if (!parsed.ok) throw new Error(`demo rule ${spec.rrule}: ${parsed.message}`);
    const horizon = now.getTime() + spec.leadMinutes * msPerMinute + horizonDays * msPerDay;
    const task = em.create(RecurringTask, {
      title: spec.title,
      procedureId: spec.procedureId,
      site,
      room: null,
      rack: null,
      rrule: spec.rrule,
      startDate,
      leadMinutes: spec.leadMinutes,
      graceMinutes: spec.graceMinutes,
      team: spec.team,
      assignee: null,
      active: true,
      plannedUntil: new Date(horizon),
      version: 1,
      createdAt: new Date(yearAgo),
      updatedAt: new Date(yearAgo),
    });
    await em.flush();
    const times = occurrencesOf(parsed.rule, {
      timeZone: site.timeZone,
      startDate,
      from: yearAgo,
      to: horizon,
    });
    const lastPast = times.filter((at) => at + spec.graceMinutes * msPerMinute <= now.getTime()).at(-1);
    for (const at of times) {
      const availableAt = at - spec.leadMinutes * msPerMinute;
      const dueAt = at + spec.graceMinutes * msPerMinute;
      let fate: Partial<OccurrenceRow>;
      if (dueAt <= now.getTime()) {
        fate =
          at === lastPast && spec.team === 'operations'
            ? { state: 'missed' }
            : pastOccurrence(random, spec, at);
      } else {
        fate = { state: (availableAt <= now.getTime() ? 'due' : 'scheduled') satisfies OccurrenceState };
      }
      rows.push({
        task: task.id,
        site: site.id,
        scheduledAt: new Date(at),
        availableAt: new Date(availableAt),
        dueAt: new Date(dueAt),
        state: 'scheduled',
        runId: null,
        startedAt: null,
        doneAt: null,
        latenessMinutes: null,
        cancelReason: null,
        version: 1,
        ...fate,
      });
    }
  }
  for (let index = 0; index < rows.length; index += insertChunk) {
    await em.insertMany(TaskOccurrence, rows.slice(index, index + insertChunk));
  }
  new Logger('DemoData').log(
    `Recurring programme: ${demoProgramme.length} tasks, ${rows.length} occurrences in ${Date.now() - started} ms`,
  );
  return rows.length;
}

import type { EntityManager } from '@mikro-orm/core';
import { type OccurrenceState, parseRrule } from '@vigie/shared';
import { DomainError } from '../common/domain-error.js';
import type { WriteContext } from '../database/writer.js';
import { wallClockMs } from '../incidents/sla/zoned-time.js';
import { liveRooms } from '../realtime/live-rooms.js';
import type { ProcedureRun } from '../runs/procedure-run.entity.js';
import type { RunContextHook } from '../runs/run-context-hooks.js';
import { occurrencesOf } from './recurrence.js';
import type { RecurringTask } from './recurring-task.entity.js';
import { TaskOccurrence } from './task-occurrence.entity.js';
import { occurrencePopulate, toOccurrenceDto } from './task-views.js';
import { nativeClientOf } from '../database/native-database.js';

const msPerMinute = 60_000;
export const taskRooms = [liveRooms.staff];

const rule = (message: string, path?: string) =>
  new DomainError('rule_violation', message, path ? { fields: [{ path, message }] } : {});

/** The planned instants of a task in [from, to). */
export function plannedTimes(task: RecurringTask, from: number, to: number): number[] {
  const parsed = parseRrule(task.rrule);
  if (!parsed.ok) return [];
  return occurrencesOf(parsed.rule, { timeZone: task.site.timeZone, startDate: task.startDate, from, to });
}

/**
 * Materialises a task's occurrences planned in [from, to). The unique (task, scheduledAt) index
 * with ON CONFLICT DO NOTHING makes this safe to run from two processes: each time is inserted
 * once. One already within its lead time is created due. Returns how many this call created.
 */
export async function planOccurrences(
  em: EntityManager,
  task: RecurringTask,
  from: number,
  to: number,
  now: number,
): Promise<number> {
  const times = plannedTimes(task, from, to);
  if (times.length === 0) return 0;
  const meta = em.getMetadata().get(TaskOccurrence);
  const column = (property: string) => `"${meta.properties[property as 'id']?.fieldNames[0] ?? property}"`;
  const columns = ['task', 'site', 'scheduledAt', 'availableAt', 'dueAt', 'state', 'version'];
  const db = await nativeClientOf(em);
  const insert = db.prepare(
    `insert into "${meta.tableName}" (${columns.map(column).join(', ')}) values (?, ?, ?, ?, ?, ?, 1)
     on conflict (${column('task')}, ${column('scheduledAt')}) do nothing`,
  );
  let created = 0;
  for (const at of times) {
    const availableAt = at - task.leadMinutes * msPerMinute;
    const state: OccurrenceState = availableAt <= now ? 'due' : 'scheduled';
    created += insert.run(
      task.id,
      task.site.id,
      at,
      availableAt,
      at + task.graceMinutes * msPerMinute,
      state,
    ).changes;
  }
  return created;
}

/**
 * Moves an occurrence from one of `from` to `to` unless someone else moved it first (a
 * conditional UPDATE: claimed once, across processes). Returns whether this call moved it.
 */
export async function claimState(
  em: EntityManager,
  occurrence: Pick<TaskOccurrence, 'id' | 'version'>,
  from: readonly OccurrenceState[],
  to: OccurrenceState,
  changes: Partial<
    Pick<TaskOccurrence, 'runId' | 'startedAt' | 'doneAt' | 'latenessMinutes' | 'cancelReason'>
  > = {},
): Promise<boolean> {
  const moved = await em.nativeUpdate(
    TaskOccurrence,
    { id: occurrence.id, state: { $in: [...from] }, version: occurrence.version },
    { state: to, version: occurrence.version + 1, ...changes },
  );
  return moved === 1;
}

/** Reloads an occurrence with what its view needs (after a native update). */
export async function loadOccurrence(em: EntityManager, id: number): Promise<TaskOccurrence | null> {
  const found = await em.findOne(TaskOccurrence, { id }, { populate: occurrencePopulate, refresh: true });
  return found;
}

/** How runs and the shift log name an occurrence: its task and its planned local time. */
export function occurrenceLabelOf(occurrence: TaskOccurrence): string {
  const local = new Date(wallClockMs(occurrence.site.timeZone, occurrence.scheduledAt.getTime()));
  return `${occurrence.task.title} · ${local.toISOString().slice(0, 16).replace('T', ' ')}`.slice(0, 300);
}

/** Minutes past the latest start at which it was done (0 when on time). */
export function latenessOf(dueAt: Date, doneAt: Date): number {
  return Math.max(0, Math.ceil((doneAt.getTime() - dueAt.getTime()) / msPerMinute));
}

/** Writes the audit row and the live event of a state change. */
export async function recordMove(
  tx: WriteContext,
  id: number,
  action: string,
  before: ReturnType<typeof toOccurrenceDto> | null,
  now = new Date(),
): Promise<ReturnType<typeof toOccurrenceDto>> {
  const occurrence = await loadOccurrence(tx.em, id);
  if (!occurrence) throw new Error(`occurrence ${id} vanished`);
  const after = toOccurrenceDto(occurrence, now);
  await tx.audit({ action, entityType: 'TaskOccurrence', entityId: id, before, after });
  tx.announce(after.state === 'missed' ? 'occurrence.overdue' : 'occurrence.updated', after, taskRooms);
  return after;
}

/**
 * The run context hook of occurrences: a run started for one moves it to in_progress; its
 * completion marks it done (with lateness), its abort makes it startable again (or missed
 * when its latest start has passed meanwhile).
 */
export const occurrenceRunHook: RunContextHook = {
  async resolve(em, id, procedureId) {
    const occurrence = await loadOccurrence(em, id);
    if (!occurrence) throw rule('There is no such occurrence', 'context.id');
    // Started by someone else: a conflict with the current state; finished: a rule.
    if (occurrence.state === 'in_progress') {
      throw new DomainError('conflict', 'This occurrence was already started', {
        current: toOccurrenceDto(occurrence),
      });
    }
    if (occurrence.state !== 'scheduled' && occurrence.state !== 'due') {
      throw rule(`This occurrence is ${occurrence.state}: it cannot be started`, 'context.id');
    }
    if (occurrence.dueAt <= new Date()) {
      throw rule('This occurrence is past its latest start: it counts as missed', 'context.id');
    }
    if (occurrence.task.procedureId !== procedureId) {
      throw rule(`This task runs procedure "${occurrence.task.procedureId}"`, 'procedureId');
    }
    return { id, label: occurrenceLabelOf(occurrence), siteId: occurrence.site.id };
  },

  async started(tx, run: ProcedureRun) {
    const occurrence = await loadOccurrence(tx.em, run.contextId ?? 0);
    if (!occurrence) return;
    const before = toOccurrenceDto(occurrence);
    const claimed = await claimState(tx.em, occurrence, ['scheduled', 'due'], 'in_progress', {
      runId: run.id,
      startedAt: run.startedAt,
    });
    // Someone started it at the same moment: this whole start rolls back with the answer below.
    if (!claimed)
      throw new DomainError('conflict', 'This occurrence was started by someone else', { current: before });
    await recordMove(tx, occurrence.id, 'occurrence.start', before);
  },

  async ended(tx, run: ProcedureRun) {
    const occurrence = await loadOccurrence(tx.em, run.contextId ?? 0);
    if (!occurrence || occurrence.state !== 'in_progress' || occurrence.runId !== run.id) return;
    const before = toOccurrenceDto(occurrence);
    const now = run.endedAt ?? new Date();
    if (run.state === 'completed') {
      await claimState(tx.em, occurrence, ['in_progress'], 'done', {
        doneAt: now,
        latenessMinutes: latenessOf(occurrence.dueAt, now),
      });
      await recordMove(tx, occurrence.id, 'occurrence.done', before, now);
      return;
    }
    // Aborted: startable again while its latest start has not passed; otherwise it stays counted as missed.
    const next: OccurrenceState = occurrence.dueAt <= now ? 'missed' : 'due';
    await claimState(
      tx.em,
      occurrence,
      ['in_progress'],
      next,
      next === 'due' ? { runId: null, startedAt: null } : {},
    );
    await recordMove(
      tx,
      occurrence.id,
      next === 'missed' ? 'occurrence.missed' : 'occurrence.reopen',
      before,
      now,
    );
  },
};

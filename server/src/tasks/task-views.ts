import { type Occurrence, type RecurringTask as RecurringTaskDto, scheduleOfRrule } from '@vigie/shared';
import type { RecurringTask } from './recurring-task.entity.js';
import type { TaskOccurrence } from './task-occurrence.entity.js';

/** Relations the views read: populate these. */
export const taskPopulate = ['site', 'assignee'] as const;
export const occurrencePopulate = ['site', 'task', 'task.assignee'] as const;

const userRef = (user: { id: number; displayName: string } | null | undefined) =>
  user ? { id: user.id, displayName: user.displayName } : null;

export function toTaskDto(task: RecurringTask): RecurringTaskDto {
  return {
    id: task.id,
    title: task.title,
    procedureId: task.procedureId,
    scope: { siteId: task.site.id, roomId: task.room?.id ?? null, rackId: task.rack?.id ?? null },
    site: { id: task.site.id, code: task.site.code, name: task.site.name },
    timeZone: task.site.timeZone,
    rrule: task.rrule,
    schedule: scheduleOfRrule(task.rrule),
    startDate: task.startDate,
    leadMinutes: task.leadMinutes,
    graceMinutes: task.graceMinutes,
    team: task.team ?? null,
    assignee: userRef(task.assignee),
    active: task.active,
    version: task.version,
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
  };
}

/** Not started past its latest start: missed, or still waiting because the scheduler has not passed yet. */
export function isOverdue(occurrence: Pick<TaskOccurrence, 'state' | 'dueAt'>, now: Date): boolean {
  if (occurrence.state === 'missed') return true;
  return (occurrence.state === 'scheduled' || occurrence.state === 'due') && occurrence.dueAt <= now;
}

export function toOccurrenceDto(occurrence: TaskOccurrence, now = new Date()): Occurrence {
  const task = occurrence.task;
  return {
    id: occurrence.id,
    taskId: task.id,
    title: task.title,
    procedureId: task.procedureId,
    site: { id: occurrence.site.id, code: occurrence.site.code, name: occurrence.site.name },
    roomId: task.room?.id ?? null,
    rackId: task.rack?.id ?? null,
    team: task.team ?? null,
    assignee: userRef(task.assignee),
    scheduledAt: occurrence.scheduledAt.toISOString(),
    availableAt: occurrence.availableAt.toISOString(),
    dueAt: occurrence.dueAt.toISOString(),
    state: occurrence.state,
    runId: occurrence.runId ?? null,
    startedAt: occurrence.startedAt?.toISOString() ?? null,
    doneAt: occurrence.doneAt?.toISOString() ?? null,
    latenessMinutes: occurrence.latenessMinutes ?? null,
    cancelReason: occurrence.cancelReason ?? null,
    overdue: isOverdue(occurrence, now),
    version: occurrence.version,
  };
}

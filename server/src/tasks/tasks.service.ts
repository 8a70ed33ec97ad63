import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type CancelOccurrence,
  can,
  type Occurrence,
  parseRrule,
  type RecurringTask as RecurringTaskDto,
  scheduleToRrule,
  type StartOccurrence,
  type TaskPreview,
  type TaskSchedule,
  type createTaskSchema,
  type taskPreviewRequestSchema,
  type updateTaskSchema,
} from '@vigie/shared';
import type { z } from 'zod';
import { User } from '../auth/user.entity.js';
import { DomainError, notFound, staleVersion } from '../common/domain-error.js';
import type { Actor } from '../common/request-context.js';
import type { AppConfig } from '../config/app-config.js';
import { InjectConfig } from '../config/config.module.js';
import { Writer, type WriteContext } from '../database/writer.js';
import { isoDateOfDay, localDayOf, wallClockMs } from '../incidents/sla/zoned-time.js';
import { Rack } from '../inventory/rack.entity.js';
import { Room } from '../inventory/room.entity.js';
import { Site } from '../inventory/site.entity.js';
import { ProcedureLibrary } from '../procedures/procedure-library.js';
import { RunContextHooks } from '../runs/run-context-hooks.js';
import { RunsService } from '../runs/runs.service.js';
import {
  claimState,
  loadOccurrence,
  occurrenceRunHook,
  planOccurrences,
  recordMove,
  taskRooms,
} from './occurrence-lifecycle.js';
import { occurrencesOf } from './recurrence.js';
import { RecurringTask } from './recurring-task.entity.js';
import { TaskOccurrence } from './task-occurrence.entity.js';
import { taskPopulate, toOccurrenceDto, toTaskDto } from './task-views.js';

export type CreateTaskInput = z.output<typeof createTaskSchema>;
export type UpdateTaskInput = z.output<typeof updateTaskSchema>;
export type PreviewInput = z.output<typeof taskPreviewRequestSchema>;

const msPerDay = 86_400_000;
const msPerMinute = 60_000;
/** Why the open occurrences of a deactivated task were cancelled. */
export const deactivatedReason = 'Task deactivated';

const rule = (message: string, path?: string) =>
  new DomainError('rule_violation', message, path ? { fields: [{ path, message }] } : {});

/** The rule a request stands for: the raw one, or the one the schedule form writes. */
function ruleOf(input: {
  rrule?: string | undefined;
  schedule?: TaskSchedule | undefined;
}): string | undefined {
  if (input.rrule !== undefined) return input.rrule;
  return input.schedule ? scheduleToRrule(input.schedule) : undefined;
}

/** Today in a zone, `YYYY-MM-DD`. */
const todayIn = (timeZone: string, now = Date.now()) => isoDateOfDay(localDayOf(timeZone, now));

/**
 * Recurring tasks and their occurrences (DESIGN.md §3): definitions, preview, start (through the
 * run it starts), cancel. Every write goes through the Writer with its audit rows and live events.
 */
@Injectable()
export class TasksService implements OnModuleInit {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly em: EntityManager,
    private readonly writer: Writer,
    @Inject(ProcedureLibrary) private readonly library: ProcedureLibrary,
    @Inject(RunsService) private readonly runs: RunsService,
    @Inject(RunContextHooks) private readonly hooks: RunContextHooks,
  ) {}

  onModuleInit(): void {
    this.hooks.occurrence = occurrenceRunHook;
  }

  async get(id: number): Promise<RecurringTaskDto> {
    const task = await this.em.fork().findOne(RecurringTask, { id }, { populate: taskPopulate });
    if (!task) throw notFound('Task');
    return toTaskDto(task);
  }

  async getOccurrence(id: number): Promise<Occurrence> {
    const occurrence = await loadOccurrence(this.em.fork(), id);
    if (!occurrence) throw notFound('Occurrence');
    return toOccurrenceDto(occurrence);
  }

  preview(input: PreviewInput): Promise<TaskPreview> {
    return this.em
      .fork()
      .findOne(Site, { id: input.siteId })
      .then((site) => {
        if (!site) throw rule('There is no such site', 'siteId');
        const rrule = ruleOf(input) ?? '';
        const parsed = parseRrule(rrule);
        if (!parsed.ok)
          throw new DomainError('validation_failed', parsed.message, {
            fields: [{ path: 'rrule', message: parsed.message }],
          });
        const instants = occurrencesOf(parsed.rule, {
          timeZone: site.timeZone,
          startDate: input.startDate ?? todayIn(site.timeZone),
          from: input.from ? Date.parse(input.from) : Date.now(),
          limit: input.count,
        });
        return {
          rrule,
          timeZone: site.timeZone,
          items: instants.map((at) => ({
            at: new Date(at).toISOString(),
            local: new Date(wallClockMs(site.timeZone, at)).toISOString().slice(0, 16),
          })),
        };
      });
  }

  create(actor: Actor, input: CreateTaskInput): Promise<RecurringTaskDto> {
    this.assertProcedure(input.procedureId);
    return this.writer.run(async (tx) => {
      const scope = await this.scopeOf(tx.em, input.scope);
      const now = new Date();
      const task = tx.em.create(RecurringTask, {
        title: input.title,
        procedureId: input.procedureId,
        ...scope,
        rrule: ruleOf(input) ?? '',
        startDate: input.startDate ?? todayIn(scope.site.timeZone),
        leadMinutes: input.leadMinutes,
        graceMinutes: input.graceMinutes,
        team: input.team,
        assignee: input.assigneeId === null ? null : await this.assignable(tx.em, input.assigneeId),
        active: input.active,
        plannedUntil: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await tx.em.flush();
      const dto = toTaskDto(task);
      await tx.audit({ action: 'task.create', entityType: 'RecurringTask', entityId: task.id, after: dto });
      tx.announce('task.created', dto, taskRooms);
      await this.replan(tx, task, now);
      return dto;
    });
  }

  /** A new rule, time or scope re-plans only the future scheduled occurrences; the past stays as it was. */
  update(id: number, input: UpdateTaskInput): Promise<RecurringTaskDto> {
    if (input.procedureId !== undefined) this.assertProcedure(input.procedureId);
    return this.writer.run(async (tx) => {
      const task = await tx.em.findOne(RecurringTask, { id }, { populate: taskPopulate });
      if (!task) throw notFound('Task');
      const before = toTaskDto(task);
      if (task.version !== input.version) throw staleVersion(before);
      if (input.scope) Object.assign(task, await this.scopeOf(tx.em, input.scope));
      const rrule = ruleOf(input);
      if (rrule !== undefined) task.rrule = rrule;
      if (input.startDate !== undefined) task.startDate = input.startDate;
      if (input.title !== undefined) task.title = input.title;
      if (input.procedureId !== undefined) task.procedureId = input.procedureId;
      if (input.leadMinutes !== undefined) task.leadMinutes = input.leadMinutes;
      if (input.graceMinutes !== undefined) task.graceMinutes = input.graceMinutes;
      if (input.team !== undefined) task.team = input.team;
      if (input.assigneeId !== undefined)
        task.assignee = input.assigneeId === null ? null : await this.assignable(tx.em, input.assigneeId);
      if (input.active !== undefined) task.active = input.active;
      const now = new Date();
      task.version += 1;
      task.updatedAt = now;
      await tx.em.flush();
      const after = toTaskDto(task);
      await tx.audit({ action: 'task.update', entityType: 'RecurringTask', entityId: id, before, after });
      tx.announce('task.updated', after, taskRooms);
      const planChanged = (['rrule', 'startDate', 'leadMinutes', 'graceMinutes', 'active'] as const).some(
        (key) => before[key] !== after[key],
      );
      if (planChanged || before.scope.siteId !== after.scope.siteId) await this.replan(tx, task, now);
      if (before.active && !after.active) await this.cancelOpenWork(tx, task);
      return after;
    });
  }

  /** Starts the task's procedure for this occurrence; the run hook moves the occurrence in the same transaction. */
  async start(actor: Actor, id: number, input: StartOccurrence): Promise<Occurrence> {
    const occurrence = await loadOccurrence(this.em.fork(), id);
    if (!occurrence) throw notFound('Occurrence');
    if (input.version !== undefined && input.version !== occurrence.version) {
      throw staleVersion(toOccurrenceDto(occurrence));
    }
    await this.runs.start(actor, {
      procedureId: occurrence.task.procedureId,
      context: { kind: 'occurrence', id },
      assigneeId: input.assigneeId === undefined ? (occurrence.task.assignee?.id ?? null) : input.assigneeId,
    });
    return this.getOccurrence(id);
  }

  /** Cancels an occurrence not started yet, with a reason (missed ones stay missed: they count). */
  cancel(id: number, input: CancelOccurrence): Promise<Occurrence> {
    return this.writer.run(async (tx) => {
      const occurrence = await loadOccurrence(tx.em, id);
      if (!occurrence) throw notFound('Occurrence');
      const before = toOccurrenceDto(occurrence);
      if (input.version !== undefined && input.version !== occurrence.version) throw staleVersion(before);
      if (occurrence.state !== 'scheduled' && occurrence.state !== 'due') {
        throw new DomainError(
          'conflict',
          `This occurrence is ${occurrence.state.replace('_', ' ')}: it cannot be cancelled`,
          {
            current: before,
          },
        );
      }
      const claimed = await claimState(tx.em, occurrence, ['scheduled', 'due'], 'cancelled', {
        cancelReason: input.reason,
      });
      if (!claimed) {
        const current = await loadOccurrence(tx.em, id);
        throw new DomainError('conflict', 'This occurrence changed meanwhile', {
          current: current ? toOccurrenceDto(current) : before,
        });
      }
      return recordMove(tx, id, 'occurrence.cancel', before);
    });
  }

  /**
   * A task retired on purpose: its occurrences still open (due, or scheduled and left by the
   * re-plan) are cancelled with a reason rather than left to be swept as missed work.
   */
  private async cancelOpenWork(tx: WriteContext, task: RecurringTask): Promise<void> {
    const open = await tx.em.find(
      TaskOccurrence,
      { task: task.id, state: { $in: ['scheduled', 'due'] } },
      { fields: ['id', 'version', 'state'], orderBy: { id: 'asc' } },
    );
    for (const occurrence of open) {
      const loaded = await loadOccurrence(tx.em, occurrence.id);
      if (!loaded) continue;
      const before = toOccurrenceDto(loaded);
      const claimed = await claimState(tx.em, loaded, ['scheduled', 'due'], 'cancelled', {
        cancelReason: deactivatedReason,
      });
      if (claimed) await recordMove(tx, occurrence.id, 'occurrence.cancel', before);
    }
  }

  /** Drops the future scheduled occurrences and plans again from now up to the horizon. */
  private async replan(tx: WriteContext, task: RecurringTask, now: Date): Promise<void> {
    const removed = await tx.em.nativeDelete(TaskOccurrence, {
      task: task.id,
      state: 'scheduled',
      scheduledAt: { $gt: now },
    });
    let created = 0;
    let plannedUntil: Date | null = null;
    if (task.active) {
      const horizon = now.getTime() + task.leadMinutes * msPerMinute + this.config.taskHorizonDays * msPerDay;
      created = await planOccurrences(tx.em, task, now.getTime() + 1, horizon, now.getTime());
      plannedUntil = new Date(horizon);
    }
    await tx.em.nativeUpdate(RecurringTask, { id: task.id }, { plannedUntil });
    if (removed > 0 || created > 0) {
      await tx.audit({
        action: 'occurrence.plan',
        entityType: 'RecurringTask',
        entityId: task.id,
        after: { removed, created, until: plannedUntil?.toISOString() ?? null },
      });
      tx.announce('occurrence.created', { taskIds: [task.id], count: created }, taskRooms);
    }
  }

  private assertProcedure(procedureId: string): void {
    if (!this.library.get(procedureId)) {
      throw rule(`There is no procedure "${procedureId}" in the library`, 'procedureId');
    }
  }

  /** The scope's site, room and rack, checked to belong together. */
  private async scopeOf(
    em: EntityManager,
    scope: { siteId: number; roomId: number | null; rackId: number | null },
  ): Promise<{ site: Site; room: Room | null; rack: Rack | null }> {
    const site = await em.findOne(Site, { id: scope.siteId });
    if (!site) throw rule('There is no such site', 'scope.siteId');
    const room = scope.roomId === null ? null : await em.findOne(Room, { id: scope.roomId, site: site.id });
    if (scope.roomId !== null && !room) throw rule('This room is not on the site', 'scope.roomId');
    const rack =
      scope.rackId === null ? null : await em.findOne(Rack, { id: scope.rackId }, { populate: ['room'] });
    if (
      scope.rackId !== null &&
      (!rack || rack.room.site.id !== site.id || (room && rack.room.id !== room.id))
    ) {
      throw rule('This rack is not in the room or on the site', 'scope.rackId');
    }
    return { site, room, rack };
  }

  private async assignable(em: EntityManager, userId: number): Promise<User> {
    const user = await em.findOne(User, { id: userId });
    if (!user || !user.active || !can(user.role, 'run.tick')) {
      throw rule('Assign the task to an active user who may run procedures', 'assigneeId');
    }
    return user;
  }
}

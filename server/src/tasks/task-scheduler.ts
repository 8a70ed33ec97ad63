import { EntityManager } from '@mikro-orm/core';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { InjectConfig } from '../config/config.module.js';
import { Writer } from '../database/writer.js';
import { claimState, planOccurrences, recordMove, taskRooms } from './occurrence-lifecycle.js';
import { RecurringTask } from './recurring-task.entity.js';
import { TaskOccurrence } from './task-occurrence.entity.js';

const batchSize = 200;
const msPerDay = 86_400_000;
const msPerMinute = 60_000;
/**
 * After an outage, planning resumes where it stopped so the rounds that fell inside it are created
 * and counted missed; beyond this many days back they are not materialised (a restored old backup
 * would otherwise flood the board with months of missed rounds).
 */
export const maxCatchUpDays = 31;

export interface SchedulerTickResult {
  created: number;
  due: number;
  missed: number;
}

/**
 * Keeps the recurring work moving: plans each active task's occurrences up to its lead time plus
 * the horizon, makes them due at scheduledAt − lead, and missed at dueAt (scheduled + grace) when
 * nobody started them, announcing `occurrence.overdue`. Planning relies on the unique
 * (task, scheduledAt) index and each state move on a conditional UPDATE, so two server processes
 * never plan or flag one occurrence twice. A missed occurrence is never planned again. Planning
 * goes on from where it stopped (at most `maxCatchUpDays` back), so occurrences due while no server
 * ran are still created, then flagged missed.
 */
@Injectable()
export class TaskScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TaskScheduler.name);
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<SchedulerTickResult | undefined> | undefined;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly em: EntityManager,
    private readonly writer: Writer,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.taskSchedulerSeconds <= 0) return;
    const run = () => {
      this.ticking ??= this.tick()
        .catch((error: unknown) => {
          this.logger.error(`Task scheduling failed: ${String(error)}`);
          return undefined;
        })
        .finally(() => (this.ticking = undefined));
    };
    this.timer = setInterval(run, this.config.taskSchedulerSeconds * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.ticking;
  }

  /** One pass: plan ahead, then the missed, then the due. */
  async tick(now = new Date()): Promise<SchedulerTickResult> {
    const created = await this.planAhead(now);
    const missed = await this.sweep(now, 'missed');
    const due = await this.sweep(now, 'due');
    return { created, due, missed };
  }

  /** How far ahead a task's occurrences exist: its lead time plus the horizon. */
  private horizonOf(task: RecurringTask, now: Date): number {
    return now.getTime() + task.leadMinutes * msPerMinute + this.config.taskHorizonDays * msPerDay;
  }

  private async planAhead(now: Date): Promise<number> {
    let created = 0;
    let afterId = 0;
    for (;;) {
      const tasks = await this.em
        .fork()
        .find(
          RecurringTask,
          { id: { $gt: afterId }, active: true },
          { populate: ['site'], orderBy: { id: 'asc' }, limit: batchSize },
        );
      for (const task of tasks) {
        const horizon = this.horizonOf(task, now);
        // A new task plans from now; one planned before an outage from where it stopped.
        const from = task.plannedUntil
          ? Math.max(task.plannedUntil.getTime(), now.getTime() - maxCatchUpDays * msPerDay)
          : now.getTime();
        // Planned a little past the horizon already: nothing to do until the horizon moves on.
        if (task.plannedUntil && task.plannedUntil.getTime() >= horizon - msPerDay / 24) continue;
        created += await this.writer.run(async (tx) => {
          const count = await planOccurrences(tx.em, task, from, horizon, now.getTime());
          await tx.em.nativeUpdate(RecurringTask, { id: task.id }, { plannedUntil: new Date(horizon) });
          if (count > 0) {
            await tx.audit({
              action: 'occurrence.plan',
              entityType: 'RecurringTask',
              entityId: task.id,
              after: { count, from: new Date(from).toISOString(), to: new Date(horizon).toISOString() },
            });
            tx.announce('occurrence.created', { taskIds: [task.id], count }, taskRooms);
          }
          return count;
        });
      }
      if (tasks.length < batchSize) return created;
      afterId = tasks.at(-1)!.id;
    }
  }

  /** Moves every occurrence past its threshold, each claimed by a conditional UPDATE. */
  private async sweep(now: Date, to: 'due' | 'missed'): Promise<number> {
    const where =
      to === 'missed'
        ? { state: { $in: ['scheduled', 'due'] as ('scheduled' | 'due')[] }, dueAt: { $lte: now } }
        : { state: 'scheduled' as const, availableAt: { $lte: now } };
    let moved = 0;
    for (;;) {
      const batch = await this.em.fork().find(TaskOccurrence, where, {
        fields: ['id', 'version', 'state'],
        orderBy: { id: 'asc' },
        limit: batchSize,
      });
      if (batch.length === 0) return moved;
      let claimedInBatch = 0;
      await this.writer.run(async (tx) => {
        for (const occurrence of batch) {
          if (!(await claimState(tx.em, occurrence, [occurrence.state], to))) continue;
          claimedInBatch++;
          await recordMove(
            tx,
            occurrence.id,
            to === 'missed' ? 'occurrence.missed' : 'occurrence.due',
            null,
            now,
          );
        }
      });
      moved += claimedInBatch;
      // All lost to another process: it is working through the same rows; leave them to it.
      if (claimedInBatch === 0 || batch.length < batchSize) return moved;
    }
  }
}

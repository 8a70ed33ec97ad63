import { EntityManager } from '@mikro-orm/core';
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { LiveEvent } from './live-event.entity.js';

/** Long enough for any dashboard to catch up after a night offline; older clients refetch. */
export const liveEventRetentionDays = 7;
const pruneEveryMs = 3_600_000;

/**
 * Keeps the live event log bounded. Deleting old rows is idempotent, so several server
 * processes may all run it.
 */
@Injectable()
export class LiveEventRetention implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(LiveEventRetention.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly em: EntityManager) {}

  onModuleInit(): void {
    this.timer = setInterval(
      () => void this.prune().catch((error: unknown) => this.logger.warn(error)),
      pruneEveryMs,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Deletes events older than the retention; returns how many. */
  async prune(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - liveEventRetentionDays * 86_400_000);
    return this.em.fork().nativeDelete(LiveEvent, { at: { $lt: cutoff } });
  }
}

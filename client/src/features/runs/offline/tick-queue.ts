import type { StepRecordResult } from '@vigie/shared';
import { ApiError, ResponseShapeError } from '../../../lib/api-client';
import type { NewQueuedTick, QueuedTick, TickConflict, TickStore } from './tick-store';

/** Sends one tick (evidence first, then the record) with its Idempotency-Key. */
export type SendTick = (tick: QueuedTick) => Promise<StepRecordResult | null>;

/** What an attempt to send a tick tells the queue to do. */
export type DeliveryVerdict =
  | { kind: 'delivered' }
  /** No answer, or a passing failure (offline, server restarting, signed out): keep it, try later. */
  | { kind: 'retry' }
  /** The server refused it: keep it as a conflict for the technician to see. */
  | { kind: 'conflict'; conflict: TickConflict };

const retryStatuses = new Set([401, 408, 425, 429]);

export function deliveryVerdict(error: unknown): DeliveryVerdict {
  if (error instanceof ApiError) {
    if (error.status >= 500 || retryStatuses.has(error.status)) return { kind: 'retry' };
    return {
      kind: 'conflict',
      conflict: { status: error.status, code: error.code, message: error.message, current: error.current },
    };
  }
  // A 2xx whose body did not parse: the server committed the tick; the views refetch.
  if (error instanceof ResponseShapeError) return { kind: 'delivered' };
  // fetch rejects with a TypeError when offline; anything else unknown is kept too, never dropped.
  return { kind: 'retry' };
}

export interface TickQueueSnapshot {
  /** Every tick on this device not yet acknowledged, oldest first (conflicts included). */
  ticks: readonly QueuedTick[];
  /** A flush is running. */
  sending: boolean;
  /** The last flush stopped on a tick it could not deliver (so it waits for the network). */
  waiting: boolean;
}

export interface FlushReport {
  delivered: number;
  conflicts: number;
  /** Ticks left queued because the network or server did not answer. */
  remaining: number;
}

type Listener = () => void;
type DeliveredListener = (tick: QueuedTick, result: StepRecordResult | null) => void;

/**
 * The device's queue of step records. Every tick is stored first, then sent: strictly in the order
 * made, one at a time, each with the Idempotency-Key it got when made, so a resend after a lost
 * answer is stored once. A refusal becomes a conflict the technician sees; nothing is dropped
 * except by their explicit dismissal.
 */
export class TickQueue {
  private snapshot: TickQueueSnapshot = { ticks: [], sending: false, waiting: false };
  private readonly listeners = new Set<Listener>();
  private readonly deliveredListeners = new Set<DeliveredListener>();
  /** Serialises flushes in this tab (the Web Lock below serialises tabs). */
  private running: Promise<FlushReport> | null = null;
  private again = false;

  constructor(
    private readonly store: TickStore,
    private readonly send: SendTick,
    private readonly lockName = 'vigie-tick-queue',
  ) {}

  getSnapshot = (): TickQueueSnapshot => this.snapshot;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called after each acknowledged tick, with the server's answer (to update the views at once). */
  onDelivered(listener: DeliveredListener): () => void {
    this.deliveredListeners.add(listener);
    return () => this.deliveredListeners.delete(listener);
  }

  /** Reads the stored ticks (at start, and when another tab may have changed them). */
  async refresh(): Promise<void> {
    this.update({ ticks: await this.store.all() });
  }

  /** Stores the tick on the device (resolves once it is committed there). Call flush() to send. */
  async enqueue(tick: NewQueuedTick): Promise<QueuedTick> {
    const stored = await this.store.add(tick);
    await this.refresh();
    return stored;
  }

  /** The technician has seen a conflict and lets this tick go. */
  async dismiss(id: number): Promise<void> {
    await this.store.remove(id);
    await this.refresh();
  }

  /**
   * Sends the user's queued ticks in order. A flush asked for while one runs is run again after it,
   * so a tick made during a flush is never left behind.
   */
  flush(userId: number): Promise<FlushReport> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async (): Promise<FlushReport> => {
      let report: FlushReport;
      do {
        this.again = false;
        report = await this.withLock(() => this.flushOnce(userId));
      } while (this.again && report.remaining === 0);
      return report;
    };
    this.running = run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async flushOnce(userId: number): Promise<FlushReport> {
    this.update({ sending: true });
    const report: FlushReport = { delivered: 0, conflicts: 0, remaining: 0 };
    try {
      // Read again under the lock: another tab may have sent some of them.
      const ticks = (await this.store.all()).filter(
        (tick) => tick.userId === userId && tick.state === 'queued',
      );
      for (const [index, tick] of ticks.entries()) {
        const verdict = await this.attempt(tick);
        if (verdict.kind === 'retry') {
          await this.store.put({ ...tick, attempts: tick.attempts + 1 });
          report.remaining = ticks.length - index;
          break;
        }
        if (verdict.kind === 'conflict') {
          await this.store.put({ ...tick, state: 'conflict', conflict: verdict.conflict });
          report.conflicts += 1;
        } else {
          report.delivered += 1;
        }
        await this.refresh();
      }
    } finally {
      this.update({ ticks: await this.store.all(), sending: false, waiting: report.remaining > 0 });
    }
    return report;
  }

  private async attempt(tick: QueuedTick): Promise<DeliveryVerdict> {
    let result: StepRecordResult | null = null;
    let verdict: DeliveryVerdict;
    try {
      result = await this.send(tick);
      verdict = { kind: 'delivered' };
    } catch (error) {
      verdict = deliveryVerdict(error);
    }
    if (verdict.kind === 'delivered') {
      await this.store.remove(tick.id);
      for (const listener of this.deliveredListeners) listener(tick, result);
    }
    return verdict;
  }

  private withLock<T>(work: () => Promise<T>): Promise<T> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    return locks ? locks.request(this.lockName, work) : work();
  }

  private update(change: Partial<TickQueueSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}

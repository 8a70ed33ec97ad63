import type { QueuedTick } from './tick-store';

/** One user's ticks still on this device: waiting for the network, or refused by the server. */
export interface PendingTicks {
  waiting: number;
  refused: number;
  /** The runs they belong to, in the order of their oldest tick. */
  runIds: number[];
}

/** Counts the ticks of one user (another user's ticks on a shared device are not theirs to see). */
export function pendingTicksOf(ticks: readonly QueuedTick[], userId: number, runId?: number): PendingTicks {
  const mine = ticks.filter(
    (tick) => tick.userId === userId && (runId === undefined || tick.runId === runId),
  );
  return {
    waiting: mine.filter((tick) => tick.state === 'queued').length,
    refused: mine.filter((tick) => tick.state === 'conflict').length,
    runIds: [...new Set(mine.map((tick) => tick.runId))],
  };
}

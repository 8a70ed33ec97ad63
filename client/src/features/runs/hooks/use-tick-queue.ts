import { runDetailSchema, type RecordStep } from '@vigie/shared';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { runKeys } from '../api/run-keys';
import { newIdempotencyKey } from '../lib/idempotency-key';
import { pendingTicksOf, type PendingTicks } from '../offline/pending-ticks';
import type { TickQueueSnapshot } from '../offline/tick-queue';
import { tickQueue } from '../offline/tick-queue-instance';
import type { PendingEvidence, QueuedTick } from '../offline/tick-store';

export function useTickQueue(): TickQueueSnapshot {
  return useSyncExternalStore(tickQueue.subscribe, tickQueue.getSnapshot);
}

/** The ticks of one run still on this device (queued or in conflict), oldest first. */
export function useRunTicks(runId: number): QueuedTick[] {
  return useTickQueue().ticks.filter((tick) => tick.runId === runId);
}

/** The user's ticks still on this device (of one run, or of all), waiting or refused. */
export function usePendingTicks(userId: number | undefined, runId?: number): PendingTicks {
  const { ticks } = useTickQueue();
  return useMemo(
    () =>
      userId === undefined ? { waiting: 0, refused: 0, runIds: [] } : pendingTicksOf(ticks, userId, runId),
    [ticks, userId, runId],
  );
}

const retryEveryMs = 10_000;
let activeSync: { userId: number; users: number; stop: () => void } | null = null;

function startSync(userId: number, queryClient: QueryClient): () => void {
  const flush = () => {
    // Offline the browser knows fetch will fail: wait for the 'online' event instead.
    if (navigator.onLine) void tickQueue.flush(userId);
  };
  const stopDelivered = tickQueue.onDelivered((tick, result) => {
    if (result) queryClient.setQueryData(runKeys.detail(tick.runId), result.run);
    void queryClient.invalidateQueries({ queryKey: runKeys.all });
  });
  // A conflict carries the server's current run: show that state at once.
  const shown = new Set<number>();
  const stopConflicts = tickQueue.subscribe(() => {
    for (const tick of tickQueue.getSnapshot().ticks) {
      if (!tick.conflict || shown.has(tick.id)) continue;
      shown.add(tick.id);
      const current = runDetailSchema.safeParse(tick.conflict.current);
      if (current.success) queryClient.setQueryData(runKeys.detail(current.data.id), current.data);
      // A refusal without the run's state (422): fetch it, so the technician compares with the truth.
      else void queryClient.invalidateQueries({ queryKey: runKeys.detail(tick.runId) });
    }
  });
  window.addEventListener('online', flush);
  const timer = window.setInterval(() => {
    if (tickQueue.getSnapshot().ticks.some((tick) => tick.state === 'queued')) flush();
  }, retryEveryMs);
  void tickQueue.refresh().then(flush);
  return () => {
    stopDelivered();
    stopConflicts();
    window.removeEventListener('online', flush);
    window.clearInterval(timer);
  };
}

/**
 * Sends this device's queued ticks: on page load, when the connection returns, and every few
 * seconds while some wait. Mounted by every runs view; one sync runs however many mount it.
 */
export function useOfflineTickSync(userId: number | undefined): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (userId === undefined) return;
    if (activeSync && activeSync.userId !== userId) {
      activeSync.stop();
      activeSync = null;
    }
    if (activeSync) activeSync.users += 1;
    else activeSync = { userId, users: 1, stop: startSync(userId, queryClient) };
    return () => {
      if (!activeSync || activeSync.userId !== userId) return;
      activeSync.users -= 1;
      if (activeSync.users === 0) {
        activeSync.stop();
        activeSync = null;
      }
    };
  }, [userId, queryClient]);
}

export interface TickInput {
  stepId: string;
  body: Omit<RecordStep, 'deviceTime'>;
  evidence: PendingEvidence[];
}

/** Records a tick: stored on the device first (with the device time and its Idempotency-Key), then sent. */
export function useRecordTick(runId: number, userId: number | undefined) {
  return useCallback(
    async ({ stepId, body, evidence }: TickInput) => {
      if (userId === undefined) throw new Error('Not signed in');
      const stored = await tickQueue.enqueue({
        idempotencyKey: newIdempotencyKey(),
        userId,
        runId,
        stepId,
        body: { ...body, deviceTime: new Date().toISOString() },
        evidence,
      });
      if (navigator.onLine) void tickQueue.flush(userId);
      return stored;
    },
    [runId, userId],
  );
}

export function dismissTick(id: number): Promise<void> {
  return tickQueue.dismiss(id);
}

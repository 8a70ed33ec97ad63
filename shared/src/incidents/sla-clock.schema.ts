import { z } from 'zod';

/** The three clocks of every incident: time to acknowledge (TTO), time to restore (to mitigated), time to resolve (TTR). */
export const slaMetrics = ['ack', 'restore', 'resolve'] as const;
export const slaMetricSchema = z.enum(slaMetrics);
export type SlaMetric = z.infer<typeof slaMetricSchema>;

/** `met` and `breached` are final until a reopening restarts the clock; `breached` may still be running toward its stop. */
export const slaClockStates = ['running', 'paused', 'met', 'breached'] as const;
export const slaClockStateSchema = z.enum(slaClockStates);
export type SlaClockState = z.infer<typeof slaClockStateSchema>;

/** One SLA clock as the API and the live channel show it. Times are ISO-8601 UTC. */
export const slaClockSchema = z.object({
  metric: slaMetricSchema,
  state: slaClockStateSchema,
  /** Target in minutes of service time (the contract's calendar), from the policy of the priority. */
  targetMinutes: z.number().int().positive(),
  /** When the target is reached if nothing pauses the clock; null while paused (the due time moves on resume). */
  dueAt: z.iso.datetime().nullable(),
  /** 75 % of the target; null while paused. */
  warnAt: z.iso.datetime().nullable(),
  /** Service minutes counted so far (pauses and out-of-hours time excluded). */
  elapsedMinutes: z.number().nonnegative(),
  /** Service minutes spent pending, deducted from the clock. */
  pausedMinutes: z.number().nonnegative(),
  /** When the clock stopped (met or breached and stopped), else null. */
  stoppedAt: z.iso.datetime().nullable(),
  /** When the target was crossed, else null. Never rewritten once in the past. */
  breachedAt: z.iso.datetime().nullable(),
});
export type SlaClock = z.infer<typeof slaClockSchema>;

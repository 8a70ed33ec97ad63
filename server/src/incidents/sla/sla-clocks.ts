import {
  incidentStatuses,
  slaMetrics,
  type IncidentStatus,
  type SlaMetric,
  type SlaPolicy,
  type SlaTarget,
} from '@vigie/shared';
import type { ComputedSlaClock, ServiceCalendar, SlaComputationInput } from './sla-engine.types.js';

const msPerMinute = 60_000;
/** The warning is raised at 75 % of the target. */
const warnRatio = 0.75;

type Phase = 'running' | 'paused' | 'stopped';

const targetKeys: Record<SlaMetric, keyof SlaTarget> = {
  ack: 'ackMinutes',
  restore: 'restoreMinutes',
  resolve: 'resolveMinutes',
};

// Statuses in which each clock no longer counts; pending pauses a counting clock; every other status runs it.
const stoppedIn: Record<SlaMetric, ReadonlySet<IncidentStatus>> = {
  // Ack stops as soon as the incident leaves `new`, whatever it becomes (reopening does not restart it).
  ack: new Set(incidentStatuses.filter((status) => status !== 'new')),
  // Restore stops at mitigated or resolved; it runs again after a failed workaround (back to work) or a reopening.
  restore: new Set(['mitigated', 'resolved', 'closed', 'cancelled']),
  // Resolve stops at resolved; it runs again after a reopening.
  resolve: new Set(['resolved', 'closed', 'cancelled']),
};

/** After these, later status events are ignored: closed is final, cancelled stops every clock for good. */
const finalStatuses: ReadonlySet<IncidentStatus> = new Set(['closed', 'cancelled']);

function phaseOf(metric: SlaMetric, status: IncidentStatus, current: Phase): Phase {
  if (stoppedIn[metric].has(status)) return 'stopped';
  // Pending pauses a counting clock but never restarts a stopped one (waiting for a vendor after mitigation).
  if (status === 'pending') return current === 'stopped' ? 'stopped' : 'paused';
  return 'running';
}

function targetMsOf(policy: SlaPolicy, priority: keyof SlaPolicy, metric: SlaMetric): number {
  return policy[priority][targetKeys[metric]] * msPerMinute;
}

/** One clock replayed over the timeline; all times in epoch ms, durations in ms of service time. */
class ClockReplay {
  phase: Phase = 'running';
  private elapsedMs = 0;
  private pausedMs = 0;
  private warnedAt: number | null = null;
  private breachedAt: number | null = null;
  private stoppedAt: number | null = null;
  // Due and warn times are projected from the last event: at `anchorAt` the clock had `anchorElapsedMs`.
  private anchorAt: number;
  private anchorElapsedMs = 0;

  constructor(
    readonly metric: SlaMetric,
    private targetMs: number,
    private readonly calendar: ServiceCalendar,
    openedAt: number,
  ) {
    this.anchorAt = openedAt;
  }

  /** Counts the service time of [from, to) as elapsed (running), paused (pending) or nothing (stopped). */
  advance(from: number, to: number): void {
    if (to <= from || this.phase === 'stopped') return;
    const servedMs = Math.round(
      this.calendar.serviceMinutesBetween(new Date(from), new Date(to)) * msPerMinute,
    );
    if (this.phase === 'paused') {
      this.pausedMs += servedMs;
      return;
    }
    // A threshold is crossed at the service instant the elapsed time goes past it; crossings are never moved later.
    this.warnedAt ??= this.crossing(from, servedMs, this.targetMs * warnRatio);
    this.breachedAt ??= this.crossing(from, servedMs, this.targetMs);
    this.elapsedMs += servedMs;
  }

  /** Moves the clock to the phase of a new status; a stopped clock that runs again takes the current priority's target. */
  enter(phase: Phase, at: number, currentTargetMs: number): void {
    if (phase === this.phase) return;
    const resuming = this.phase === 'stopped';
    this.phase = phase;
    if (phase === 'stopped') {
      this.stoppedAt = at;
      // A met clock keeps the due and warning times it had when it stopped (DESIGN §3: never rewritten).
      this.anchor(at);
    }
    if (resuming) {
      this.stoppedAt = null;
      this.retarget(currentTargetMs, at);
    }
  }

  /** A priority change re-targets a clock that still counts, from the same start; a stopped clock keeps its verdict. */
  changePriority(targetMs: number, at: number): void {
    if (this.phase !== 'stopped') this.retarget(targetMs, at);
  }

  /** Remembers where due and warn times are projected from, after each event; a stopped clock keeps its anchor. */
  mark(at: number): void {
    if (this.phase !== 'stopped') this.anchor(at);
  }

  result(): ComputedSlaClock {
    const projection = (thresholdMs: number): Date | null =>
      this.phase === 'paused'
        ? null
        : this.calendar.addServiceMinutes(
            new Date(this.anchorAt),
            Math.max(0, thresholdMs - this.anchorElapsedMs) / msPerMinute,
          );
    const date = (ms: number | null) => (ms === null ? null : new Date(ms));
    return {
      metric: this.metric,
      state: this.breachedAt !== null ? 'breached' : this.phase === 'stopped' ? 'met' : this.phase,
      targetMinutes: this.targetMs / msPerMinute,
      // A breached clock's due time is the instant it was crossed, fixed for good.
      dueAt: date(this.breachedAt) ?? projection(this.targetMs),
      warnAt: date(this.warnedAt) ?? projection(this.targetMs * warnRatio),
      elapsedMinutes: this.elapsedMs / msPerMinute,
      pausedMinutes: this.pausedMs / msPerMinute,
      stoppedAt: date(this.stoppedAt),
      breachedAt: date(this.breachedAt),
    };
  }

  private anchor(at: number): void {
    this.anchorAt = at;
    this.anchorElapsedMs = this.elapsedMs;
  }

  private retarget(targetMs: number, at: number): void {
    // Once the due time has passed it is never rewritten, and the clock stays breached whatever the new priority.
    if (this.breachedAt !== null) return;
    this.targetMs = targetMs;
    // A shorter target already exceeded breaches now: a breach is never dated before the change that caused it.
    if (this.elapsedMs > targetMs) this.breachedAt = at;
    // Same for the warning; a longer target withdraws a warning that no longer applies.
    if (this.elapsedMs > targetMs * warnRatio) this.warnedAt ??= at;
    else this.warnedAt = null;
  }

  private crossing(from: number, servedMs: number, thresholdMs: number): number | null {
    if (this.elapsedMs + servedMs <= thresholdMs) return null;
    const remainingMs = Math.max(0, thresholdMs - this.elapsedMs);
    return this.calendar.addServiceMinutes(new Date(from), remainingMs / msPerMinute).getTime();
  }
}

/**
 * The ack (TTO), restore and resolve clocks of one incident, replayed from its timeline: a pure
 * function, so the clocks can always be recomputed. Every clock starts at `openedAt` and counts
 * only service time (an incident opened out of hours starts counting at the next opening). Events
 * after `now` are ignored; events before `openedAt` count as happening at it.
 * A cancelled incident's clocks stop at the cancellation and keep their verdict (`met`, or
 * `breached` if the due time had already passed); reports exclude them by the incident's status.
 */
export function computeSlaClocks(input: SlaComputationInput): ComputedSlaClock[] {
  const openedAt = input.openedAt.getTime();
  const now = Math.max(input.now.getTime(), openedAt);
  let priority = input.initialPriority;
  let status: IncidentStatus = 'new';
  const clocks = slaMetrics.map(
    (metric) => new ClockReplay(metric, targetMsOf(input.policy, priority, metric), input.calendar, openedAt),
  );
  // Array.prototype.sort is stable: events at the same instant keep their recorded order.
  const events = input.events
    .filter((event) => event.at.getTime() <= now)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  let cursor = openedAt;
  for (const event of events) {
    const at = Math.max(event.at.getTime(), openedAt);
    for (const clock of clocks) clock.advance(cursor, at);
    cursor = at;
    if (event.kind === 'priority') {
      priority = event.priority;
      for (const clock of clocks) clock.changePriority(targetMsOf(input.policy, priority, clock.metric), at);
    } else if (!finalStatuses.has(status)) {
      status = event.status;
      for (const clock of clocks) {
        clock.enter(
          phaseOf(clock.metric, status, clock.phase),
          at,
          targetMsOf(input.policy, priority, clock.metric),
        );
      }
    }
    for (const clock of clocks) clock.mark(at);
  }
  for (const clock of clocks) clock.advance(cursor, now);
  return clocks.map((clock) => clock.result());
}

import type { RunDetail, RunStep, RunStepStatus } from '@vigie/shared';
import type { QueuedTick } from '../offline/tick-store';

/** Where a step stands on this device: the server's status, or waiting to send a tick made here. */
export type StepDisplayStatus = RunStepStatus | 'waiting';

export interface StepView {
  step: RunStep;
  /** 1-based, counted separately for the main steps and the rollback steps. */
  number: number;
  /** Ticks of this step still on the device, waiting for the network. */
  waiting: QueuedTick[];
  /** Ticks of this step the server refused: shown until the technician lets them go. */
  conflicts: QueuedTick[];
  status: StepDisplayStatus;
  /** A first signature may be made now (no record yet, none waiting, order satisfied here). */
  canSign: boolean;
}

const recorded = (status: RunStepStatus) => status !== 'pending' && status !== 'blocked';

/**
 * The run's steps as the technician sees them: the server state with this device's queued ticks laid
 * over it. A step the server holds back only because earlier steps are unsigned opens as soon as
 * each of those has a tick waiting here, so a technician offline can go on in order.
 */
export function buildStepViews(run: RunDetail, ticks: readonly QueuedTick[]): StepView[] {
  const freeOrder = new Set(run.phases.filter((phase) => phase.freeOrder).map((phase) => phase.id));
  const mine = ticks.filter((tick) => tick.runId === run.id);
  const views: StepView[] = [];
  let mainNumber = 0;
  let rollbackNumber = 0;
  for (const step of run.steps) {
    const waiting = mine.filter((tick) => tick.stepId === step.id && tick.state === 'queued');
    const conflicts = mine.filter((tick) => tick.stepId === step.id && tick.state === 'conflict');
    const number = step.rollback ? ++rollbackNumber : ++mainNumber;
    const coveredEarlier = views.every(
      (earlier) =>
        earlier.step.rollback ||
        recorded(earlier.step.status) ||
        earlier.waiting.length > 0 ||
        (earlier.step.phaseId !== null &&
          earlier.step.phaseId === step.phaseId &&
          freeOrder.has(step.phaseId)),
    );
    const open = step.status === 'pending' || (step.status === 'blocked' && coveredEarlier);
    views.push({
      step,
      number,
      waiting,
      conflicts,
      status:
        waiting.length > 0 && !recorded(step.status)
          ? 'waiting'
          : step.status === 'blocked' && open
            ? 'pending'
            : step.status,
      canSign: run.state === 'in_progress' && open && waiting.length === 0,
    });
  }
  return views;
}

/** Whether this person can verify the step now: awaiting a second signature that is not their own. */
export function canVerifyStep(view: StepView, verifierId: number | undefined): boolean {
  const current = view.step.current;
  return (
    verifierId !== undefined &&
    view.step.verification === 'awaiting' &&
    current !== null &&
    current.verification === null &&
    current.performedBy.id !== verifierId
  );
}

/**
 * The step to show first in "one step at a time": the first main step this person can act on (sign,
 * or verify when `verifierId` is given), else the first step.
 */
export function firstOpenStep(views: readonly StepView[], verifierId?: number): number {
  const index = views.findIndex(
    (view) => !view.step.rollback && (view.canSign || canVerifyStep(view, verifierId)),
  );
  return index === -1 ? 0 : index;
}

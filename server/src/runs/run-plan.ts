import type {
  Procedure,
  ProcedureStep,
  RunPhase,
  RunProgress,
  RunState,
  RunStep,
  StepRecord as StepRecordDto,
} from '@vigie/shared';

/** A step of a pinned procedure with its place in the run's order. */
export interface PlannedStep {
  step: ProcedureStep;
  phaseId: string | null;
  rollback: boolean;
  /**
   * Order group: a step may be recorded once every step of the lower groups is. Each step of an
   * ordered phase is its own group; a free-order phase is one group; rollback steps have none (null).
   */
  group: number | null;
}

export interface RunPlan {
  phases: RunPhase[];
  steps: PlannedStep[];
}

/** The steps of a procedure in reading order (rollback last) with their order groups. */
export function planOf(procedure: Procedure): RunPlan {
  const steps: PlannedStep[] = [];
  let group = 0;
  if (procedure.phases) {
    for (const phase of procedure.phases) {
      for (const step of phase.steps) {
        steps.push({ step, phaseId: phase.id, rollback: false, group });
        if (!phase.free_order) group += 1;
      }
      if (phase.free_order) group += 1;
    }
  } else {
    for (const step of procedure.steps ?? [])
      steps.push({ step, phaseId: null, rollback: false, group: group++ });
  }
  for (const step of procedure.rollback ?? [])
    steps.push({ step, phaseId: null, rollback: true, group: null });
  const phases = (procedure.phases ?? []).map((phase) => ({
    id: phase.id,
    title: phase.title,
    freeOrder: phase.free_order,
  }));
  return { phases, steps };
}

/** Each step's current record: the latest one that no later record supersedes. */
export function currentRecords(records: readonly StepRecordDto[]): Map<string, StepRecordDto> {
  const current = new Map<string, StepRecordDto>();
  for (const record of records) {
    if (record.supersededBy !== null) continue;
    const known = current.get(record.stepId);
    if (!known || known.id < record.id) current.set(record.stepId, record);
  }
  return current;
}

/** The first earlier step that must be recorded before `target` (order rule), if any. */
export function blockingStepOf(
  plan: RunPlan,
  target: PlannedStep,
  current: ReadonlyMap<string, StepRecordDto>,
): PlannedStep | undefined {
  if (target.group === null) return undefined;
  const group = target.group;
  return plan.steps.find(
    (planned) => planned.group !== null && planned.group < group && !current.has(planned.step.id),
  );
}

const isSigned = (planned: PlannedStep, record: StepRecordDto | undefined) =>
  record !== undefined && (!planned.step.critical || record.verification !== null);

/** The run's steps as the API shows them: definition, status, verification state, records. */
export function runStepsOf(plan: RunPlan, records: readonly StepRecordDto[]): RunStep[] {
  const current = currentRecords(records);
  return plan.steps.map((planned) => {
    const record = current.get(planned.step.id);
    const blocked = !record && blockingStepOf(plan, planned, current) !== undefined;
    return {
      id: planned.step.id,
      phaseId: planned.phaseId,
      rollback: planned.rollback,
      text: planned.step.text,
      expected: planned.step.expected ?? null,
      reading: planned.step.reading ?? null,
      critical: planned.step.critical,
      evidenceRequired: planned.step.evidence,
      status: record ? record.outcome : blocked ? 'blocked' : 'pending',
      verification: !planned.step.critical ? 'not_required' : record?.verification ? 'verified' : 'awaiting',
      current: record ?? null,
      history: records.filter((candidate) => candidate.stepId === planned.step.id),
    };
  });
}

/**
 * Whether a main step's current record failed: the change did not go through as planned, so its
 * rollback steps must be signed too (a change is a success only with no rollback, DESIGN.md §7).
 */
export function needsRollback(plan: RunPlan, current: ReadonlyMap<string, StepRecordDto>): boolean {
  return plan.steps.some(
    (planned) => !planned.rollback && current.get(planned.step.id)?.outcome === 'failed',
  );
}

/**
 * Steps that must be signed before completion and are not: no record, or a critical record not yet
 * verified. Main steps always; rollback steps once a main step failed (each may still be marked not
 * applicable, with its reason).
 */
export function unsignedSteps(plan: RunPlan, records: readonly StepRecordDto[]): PlannedStep[] {
  const current = currentRecords(records);
  return requiredSteps(plan, current).filter((planned) => !isSigned(planned, current.get(planned.step.id)));
}

/** The steps to sign before completion: main steps, and rollback steps once a main step failed. */
function requiredSteps(plan: RunPlan, current: ReadonlyMap<string, StepRecordDto>): PlannedStep[] {
  const rollbackRequired = needsRollback(plan, current);
  return plan.steps.filter((planned) => !planned.rollback || rollbackRequired);
}

export function progressOf(plan: RunPlan, records: readonly StepRecordDto[], state: RunState): RunProgress {
  const current = currentRecords(records);
  const required = requiredSteps(plan, current);
  const signed = required.filter((planned) => isSigned(planned, current.get(planned.step.id))).length;
  const recorded = plan.steps.flatMap((planned) => {
    const record = current.get(planned.step.id);
    return record ? [{ planned, record }] : [];
  });
  return {
    signed,
    required: required.length,
    total: plan.steps.length,
    awaitingVerification: recorded.filter(
      ({ planned, record }) => planned.step.critical && !record.verification,
    ).length,
    failed: recorded.filter(({ record }) => record.outcome === 'failed').length,
    outOfRange: recorded.filter(({ record }) => record.reading?.inRange === false).length,
    readyToComplete: state === 'in_progress' && signed === required.length,
  };
}

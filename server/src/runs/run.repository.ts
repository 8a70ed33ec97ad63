import type { EntityManager } from '@mikro-orm/core';
import type { RunContextKind, RunDetail, StepRecord as StepRecordDto } from '@vigie/shared';
import { notFound } from '../common/domain-error.js';
import { ProcedureRun } from './procedure-run.entity.js';
import { toRunDetail, toStepRecordDtos } from './run.mappers.js';
import { RunEvidence } from './run-evidence.entity.js';
import { planOf, type RunPlan } from './run-plan.js';
import { StepRecord } from './step-record.entity.js';
import { StepVerification } from './step-verification.entity.js';

/** A run with everything its rules and views need. */
export interface LoadedRun {
  run: ProcedureRun;
  plan: RunPlan;
  records: StepRecordDto[];
  /** The evidence files the records show (not every file uploaded: see `loadEvidence`). */
  evidence: RunEvidence[];
}

// A version's content never changes (it is named by its hash), so its plan is safe to keep in any process.
const plans = new Map<string, RunPlan>();

export function planOfRun(run: ProcedureRun): RunPlan {
  const hash = run.procedureVersion.hash;
  let plan = plans.get(hash);
  if (!plan) {
    plan = planOf(run.procedureVersion.content);
    plans.set(hash, plan);
  }
  return plan;
}

/**
 * Loads a run and its records; 404 when there is no such run. Every step record reads this, so
 * nothing is read that cannot matter: the verifications only when the procedure has critical steps
 * (only those are verified), the evidence files only when a record shows one.
 */
export async function loadRun(em: EntityManager, id: number): Promise<LoadedRun> {
  const run = await em.findOne(
    ProcedureRun,
    { id },
    { populate: ['procedureVersion', 'startedBy', 'assignee', 'endedBy'] },
  );
  if (!run) throw notFound('Run');
  const plan = planOfRun(run);
  const records = await em.find(StepRecord, { run }, { populate: ['performedBy'], orderBy: { id: 'asc' } });
  const verifications = plan.steps.some((planned) => planned.step.critical)
    ? await em.find(StepVerification, { record: { run } }, { populate: ['verifiedBy'] })
    : [];
  const evidence = records.some((record) => record.evidence.length > 0) ? await loadEvidence(em, run) : [];
  return { run, plan, records: toStepRecordDtos(records, verifications, evidence), evidence };
}

/** Every evidence file uploaded for the run, in upload order. */
export function loadEvidence(em: EntityManager, run: ProcedureRun): Promise<RunEvidence[]> {
  return em.find(RunEvidence, { run }, { populate: ['uploadedBy'], orderBy: { id: 'asc' } });
}

export const detailOf = (loaded: LoadedRun): RunDetail =>
  toRunDetail(loaded.run, loaded.plan, loaded.records);

/**
 * The runs of an incident or occurrence still in progress, oldest first (e.g. an incident is not
 * closed while one is open). Read inside the caller's transaction when `em` is a write's.
 */
export async function openRunsOf(
  em: EntityManager,
  context: { kind: Exclude<RunContextKind, 'none'>; id: number },
): Promise<{ id: number; procedureId: string }[]> {
  const runs = await em.find(
    ProcedureRun,
    { contextKind: context.kind, contextId: context.id, state: 'in_progress' },
    { fields: ['id', 'procedureId'], orderBy: { id: 'asc' } },
  );
  return runs.map((run) => ({ id: run.id, procedureId: run.procedureId }));
}

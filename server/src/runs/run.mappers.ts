import type {
  RunDetail,
  RunEvidence as RunEvidenceDto,
  RunSummary,
  RunUser,
  StepRecord as StepRecordDto,
} from '@vigie/shared';
import type { User } from '../auth/user.entity.js';
import type { ProcedureRun } from './procedure-run.entity.js';
import type { RunEvidence } from './run-evidence.entity.js';
import { type RunPlan, runStepsOf } from './run-plan.js';
import type { StepRecord } from './step-record.entity.js';
import type { StepVerification } from './step-verification.entity.js';

export const toRunUser = (user: User): RunUser => ({ id: user.id, displayName: user.displayName });

export function toEvidenceDto(evidence: RunEvidence): RunEvidenceDto {
  return {
    sha256: evidence.sha256,
    name: evidence.name,
    size: evidence.size,
    contentType: evidence.contentType,
    uploadedBy: toRunUser(evidence.uploadedBy),
    uploadedAt: evidence.uploadedAt.toISOString(),
  };
}

/** Records of one run in id order, with their verification, evidence and the record that superseded each. */
export function toStepRecordDtos(
  records: readonly StepRecord[],
  verifications: readonly StepVerification[],
  evidence: readonly RunEvidence[],
): StepRecordDto[] {
  const verificationOf = new Map(verifications.map((verification) => [verification.record.id, verification]));
  const evidenceOf = new Map(evidence.map((file) => [file.sha256, file]));
  const supersededBy = new Map(
    records.flatMap((record) =>
      record.supersedes === null || record.supersedes === undefined
        ? []
        : [[record.supersedes, record.id] as const],
    ),
  );
  return [...records]
    .sort((a, b) => a.id - b.id)
    .map((record) => {
      const verification = verificationOf.get(record.id);
      return {
        id: record.id,
        runId: record.run.id,
        stepId: record.stepId,
        outcome: record.outcome,
        reading:
          record.readingValue === null ||
          record.readingValue === undefined ||
          record.readingUnit === null ||
          record.readingUnit === undefined
            ? null
            : {
                value: record.readingValue,
                unit: record.readingUnit,
                min: record.readingMin ?? null,
                max: record.readingMax ?? null,
                inRange: record.inRange ?? true,
              },
        deviation: record.deviation,
        comment: record.comment ?? null,
        reason: record.reason ?? null,
        performedBy: toRunUser(record.performedBy),
        performedAt: record.performedAt.toISOString(),
        deviceTime: record.deviceTime?.toISOString() ?? null,
        verification: verification
          ? {
              by: toRunUser(verification.verifiedBy),
              at: verification.verifiedAt.toISOString(),
              comment: verification.comment ?? null,
            }
          : null,
        evidence: record.evidence.flatMap((hash) => {
          const file = evidenceOf.get(hash);
          return file ? [toEvidenceDto(file)] : [];
        }),
        supersedes: record.supersedes ?? null,
        supersededBy: supersededBy.get(record.id) ?? null,
      };
    });
}

/** The run as lists, the board and live events show it; progress from the counters kept with each write. */
export function toRunSummary(run: ProcedureRun): RunSummary {
  const content = run.procedureVersion.content;
  return {
    id: run.id,
    procedure: {
      id: content.id,
      version: run.procedureVersion.hash,
      title: content.title,
      kind: content.kind,
      risk: content.risk,
    },
    context: { kind: run.contextKind, id: run.contextId ?? null, label: run.contextLabel ?? null },
    state: run.state,
    abortReason: run.abortReason ?? null,
    startedBy: toRunUser(run.startedBy),
    startedAt: run.startedAt.toISOString(),
    assignee: run.assignee ? toRunUser(run.assignee) : null,
    endedBy: run.endedBy ? toRunUser(run.endedBy) : null,
    endedAt: run.endedAt?.toISOString() ?? null,
    progress: {
      signed: run.signedSteps,
      required: run.requiredSteps,
      total: run.totalSteps,
      awaitingVerification: run.awaitingVerification,
      failed: run.failedSteps,
      outOfRange: run.outOfRangeSteps,
      readyToComplete: run.state === 'in_progress' && run.signedSteps === run.requiredSteps,
    },
    version: run.version,
  };
}

export function toRunDetail(run: ProcedureRun, plan: RunPlan, records: readonly StepRecordDto[]): RunDetail {
  return {
    ...toRunSummary(run),
    prerequisites: run.procedureVersion.content.prerequisites,
    phases: plan.phases,
    steps: runStepsOf(plan, records),
  };
}

import type { EntityManager } from '@mikro-orm/core';
import { DomainError } from '../common/domain-error.js';
import { ProcedureRun } from '../runs/procedure-run.entity.js';

/** The run an incident is raised from: it must exist (422 naming `sourceRunId` otherwise). */
export async function sourceRunOf(em: EntityManager, runId: number | null): Promise<ProcedureRun | null> {
  if (runId === null) return null;
  const run = await em.findOne(ProcedureRun, { id: runId }, { filters: false });
  if (run) return run;
  const message = `no procedure run with id ${runId}`;
  throw new DomainError('rule_violation', `The source run does not exist: ${message}`, {
    fields: [{ path: 'sourceRunId', message }],
  });
}

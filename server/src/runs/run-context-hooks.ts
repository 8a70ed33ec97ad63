import type { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { WriteContext } from '../database/writer.js';
import type { ProcedureRun } from './procedure-run.entity.js';

/**
 * What a run context owned by another module does when a run starts or ends in it. The tasks
 * module registers the occurrence hooks at start-up, so runs never import tasks (no cycle).
 * Every hook runs inside the run's own transaction.
 */
export interface RunContextHook {
  /** Checks the context may get this run; returns its id, label and site, or throws a DomainError. */
  resolve(
    em: EntityManager,
    id: number,
    procedureId: string,
  ): Promise<{ id: number; label: string; siteId: number }>;
  started(tx: WriteContext, run: ProcedureRun): Promise<void>;
  /** After the run was completed or aborted (its state already set). */
  ended(tx: WriteContext, run: ProcedureRun): Promise<void>;
}

@Injectable()
export class RunContextHooks {
  occurrence: RunContextHook | undefined;
}

import { defineEntity, p } from '@mikro-orm/core';
import { runContextKinds, runStates } from '@vigie/shared';
import { User } from '../auth/user.entity.js';
import { Site } from '../inventory/site.entity.js';
import { ProcedureVersion } from './procedure-version.entity.js';

/**
 * A run of one pinned procedure version. The context is a kind and an id rather than a relation,
 * so incidents and (later) task occurrences plug in without changing this table. Progress counters
 * are kept with each write so lists and the board never load step records.
 */
const ProcedureRunSchema = defineEntity({
  name: 'ProcedureRun',
  indexes: [
    { properties: ['contextKind', 'contextId'] },
    { properties: ['state', 'id'] },
    // The steering report reads runs by the time they started and ended.
    { properties: ['startedAt'] },
    { properties: ['endedAt'] },
  ],
  properties: {
    id: p.integer().primary(),
    procedureVersion: () => p.manyToOne(ProcedureVersion),
    procedureId: p.string().length(80).index(),
    contextKind: p.enum(runContextKinds),
    contextId: p.integer().nullable(),
    contextLabel: p.string().length(300).nullable(),
    /** Where it is done: the incident's or occurrence's site, or the one chosen for a free run. */
    site: () => p.manyToOne(Site).nullable(),
    state: p.enum(runStates),
    abortReason: p.text().nullable(),
    startedBy: () => p.manyToOne(User),
    startedAt: p.datetime(),
    assignee: () => p.manyToOne(User).nullable().index(),
    endedBy: () => p.manyToOne(User).nullable(),
    endedAt: p.datetime().nullable(),
    signedSteps: p.integer().default(0),
    requiredSteps: p.integer(),
    totalSteps: p.integer(),
    awaitingVerification: p.integer().default(0),
    failedSteps: p.integer().default(0),
    outOfRangeSteps: p.integer().default(0),
    /** Bumped by every write to the run (records, verifications, state), in the same transaction. */
    version: p.integer().default(1),
  },
});

export class ProcedureRun extends ProcedureRunSchema.class {}
ProcedureRunSchema.setClass(ProcedureRun);

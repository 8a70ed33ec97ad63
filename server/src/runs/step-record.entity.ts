import { defineEntity, p } from '@mikro-orm/core';
import { readingUnits, stepOutcomes } from '@vigie/shared';
import { User } from '../auth/user.entity.js';
import { appendOnlyTriggers } from './append-only.js';
import { ProcedureRun } from './procedure-run.entity.js';

/**
 * One signature on one step, append-only: a correction is a new record with the next `revision`
 * that `supersedes` the previous one. The unique (run, step, revision) index is the database's
 * guarantee that two people ticking the same step at once cannot both succeed.
 */
const StepRecordSchema = defineEntity({
  name: 'StepRecord',
  uniques: [{ properties: ['run', 'stepId', 'revision'] }],
  // The steering report reads the records signed in a period.
  indexes: [{ properties: ['performedAt'] }, { properties: ['supersedes'] }],
  triggers: appendOnlyTriggers('step_record'),
  properties: {
    id: p.integer().primary(),
    run: () => p.manyToOne(ProcedureRun),
    stepId: p.string().length(80),
    revision: p.integer(),
    supersedes: p.integer().nullable(),
    outcome: p.enum(stepOutcomes),
    readingValue: p.float().nullable(),
    readingUnit: p.enum(readingUnits).nullable(),
    readingMin: p.float().nullable(),
    readingMax: p.float().nullable(),
    inRange: p.boolean().nullable(),
    deviation: p.boolean(),
    comment: p.text().nullable(),
    reason: p.text().nullable(),
    /** SHA-256 hashes of the run's evidence files this record shows. */
    evidence: p.json<string[]>(),
    performedBy: () => p.manyToOne(User),
    performedAt: p.datetime(),
    deviceTime: p.datetime().nullable(),
  },
});

export class StepRecord extends StepRecordSchema.class {}
StepRecordSchema.setClass(StepRecord);

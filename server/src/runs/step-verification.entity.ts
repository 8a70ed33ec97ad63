import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../auth/user.entity.js';
import { appendOnlyTriggers } from './append-only.js';
import { StepRecord } from './step-record.entity.js';

/** A second person's verification of a critical step's record, append-only; one per record (unique). */
const StepVerificationSchema = defineEntity({
  name: 'StepVerification',
  triggers: appendOnlyTriggers('step_verification'),
  properties: {
    id: p.integer().primary(),
    record: () => p.oneToOne(StepRecord).owner().unique(),
    verifiedBy: () => p.manyToOne(User),
    verifiedAt: p.datetime(),
    comment: p.text().nullable(),
  },
});

export class StepVerification extends StepVerificationSchema.class {}
StepVerificationSchema.setClass(StepVerification);

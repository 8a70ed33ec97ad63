import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../auth/user.entity.js';
import { appendOnlyTriggers } from './append-only.js';
import { ProcedureRun } from './procedure-run.entity.js';

/** An evidence file uploaded for a run; the bytes live under `<dataDir>/evidence/` named by their SHA-256. */
const RunEvidenceSchema = defineEntity({
  name: 'RunEvidence',
  uniques: [{ properties: ['run', 'sha256'] }],
  triggers: appendOnlyTriggers('run_evidence'),
  properties: {
    id: p.integer().primary(),
    run: () => p.manyToOne(ProcedureRun),
    sha256: p.string().length(64),
    name: p.string().length(200),
    size: p.integer(),
    contentType: p.string().length(100),
    uploadedBy: () => p.manyToOne(User),
    uploadedAt: p.datetime(),
  },
});

export class RunEvidence extends RunEvidenceSchema.class {}
RunEvidenceSchema.setClass(RunEvidence);

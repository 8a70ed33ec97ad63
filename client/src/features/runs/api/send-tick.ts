import { idempotencyKeyHeader, runEvidenceSchema, stepRecordResultSchema } from '@vigie/shared';
import { apiRequest } from '../../../lib/api-client';
import type { PendingEvidence, QueuedTick } from '../offline/tick-store';

/** Uploads one evidence file; content-addressed on the server, so a re-upload answers the same hash. */
export function uploadEvidence(runId: number, evidence: PendingEvidence) {
  const form = new FormData();
  form.append('file', new File([evidence.blob], evidence.name, { type: evidence.type }));
  return apiRequest(`/api/runs/${runId}/evidence`, runEvidenceSchema, { method: 'POST', body: form });
}

/** Sends a queued tick: its evidence files first, then the step record with the tick's Idempotency-Key. */
export async function sendTick(tick: QueuedTick) {
  const hashes = [...(tick.body.evidence ?? [])];
  for (const evidence of tick.evidence) hashes.push((await uploadEvidence(tick.runId, evidence)).sha256);
  return apiRequest(
    `/api/runs/${tick.runId}/steps/${encodeURIComponent(tick.stepId)}`,
    stepRecordResultSchema,
    {
      method: 'POST',
      body: { ...tick.body, evidence: hashes },
      headers: { [idempotencyKeyHeader]: tick.idempotencyKey },
    },
  );
}

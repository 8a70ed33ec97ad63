import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import {
  meSchema,
  runDetailSchema,
  runEvidenceSchema,
  type RunDetail,
  type StepOutcome,
} from '@vigie/shared';

export async function myUserId(api: APIRequestContext): Promise<number> {
  const response = await api.get('/api/auth/me');
  expect(response.status()).toBe(200);
  return meSchema.parse(await response.json()).user.id;
}

/** Starts a run of a library procedure through the API, assigned to the given user. */
export async function startRun(
  api: APIRequestContext,
  procedureId: string,
  assigneeId: number | null = null,
): Promise<RunDetail> {
  const response = await api.post('/api/runs', {
    data: { procedureId, context: { kind: 'none' }, assigneeId },
    headers: { 'Idempotency-Key': `e2e-start-${Date.now()}-${Math.random().toString(36).slice(2)}` },
  });
  expect(response.status(), await response.text()).toBe(201);
  return runDetailSchema.parse(await response.json());
}

export async function getRun(api: APIRequestContext, runId: number): Promise<RunDetail> {
  const response = await api.get(`/api/runs/${runId}`);
  expect(response.status()).toBe(200);
  return runDetailSchema.parse(await response.json());
}

/** The card of one step on the run page. */
export function stepCard(page: Page, stepId: string): Locator {
  return page.getByTestId(`run-step-${stepId}`);
}

const outcomeLabels: Record<StepOutcome, string> = {
  done: 'Fait',
  failed: 'Échec',
  skipped: 'Passer',
  not_applicable: 'Non applicable',
};

/** Signs a step through its form (French UI): outcome, optional reading and reason, then "sign". */
export async function signStep(
  card: Locator,
  outcome: StepOutcome,
  options: { reading?: string; readingLabel?: string | RegExp; reason?: string } = {},
): Promise<void> {
  const sign = card.getByRole('button', { name: 'Signer l’étape' });
  // In the whole checklist only the next step's form is open; the others open with the button.
  if ((await card.getByRole('radio').count()) === 0) await sign.click();
  await card.getByRole('radio', { name: outcomeLabels[outcome], exact: true }).check();
  if (options.reading !== undefined) {
    await card.getByLabel(options.readingLabel ?? /\(/).fill(options.reading);
  }
  if (options.reason !== undefined) await card.getByLabel(/^Motif/).fill(options.reason);
  await sign.click();
}

/** The step's current signature (the history below repeats the records). */
export function currentRecord(card: Locator): Locator {
  return card.getByRole('region', { name: 'Signature actuelle' });
}

/** Records a step through the API (as another person at another device would). */
export async function recordStepViaApi(
  api: APIRequestContext,
  runId: number,
  stepId: string,
  body: Record<string, unknown> = { outcome: 'done' },
): Promise<void> {
  const response = await api.post(`/api/runs/${runId}/steps/${stepId}`, {
    data: body,
    headers: { 'Idempotency-Key': `e2e-${runId}-${stepId}-${Date.now()}` },
  });
  expect(response.status(), await response.text()).toBe(201);
}

/** Uploads an evidence file for a run through the API; answers its SHA-256. */
export async function uploadEvidenceViaApi(
  api: APIRequestContext,
  runId: number,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<string> {
  const response = await api.post(`/api/runs/${runId}/evidence`, { multipart: { file } });
  expect(response.status(), await response.text()).toBe(201);
  return runEvidenceSchema.parse(await response.json()).sha256;
}

/** Verifies a critical step's current record through the API (as a second person). */
export async function verifyStepViaApi(
  api: APIRequestContext,
  run: RunDetail,
  stepId: string,
): Promise<void> {
  const record = run.steps.find((step) => step.id === stepId)?.current;
  if (!record) throw new Error(`Step ${stepId} has no record to verify`);
  const response = await api.post(`/api/runs/${run.id}/steps/${stepId}/verification`, {
    data: { recordId: record.id },
    headers: { 'Idempotency-Key': `e2e-verify-${run.id}-${stepId}-${Date.now()}` },
  });
  expect(response.status(), await response.text()).toBe(201);
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErrorBody, RecordStep, RunDetail, StepRecordResult } from '@vigie/shared';
import type { ApiClient } from './test-app.js';

/**
 * A small SOP that exercises every sign-off rule: a free-order phase (a plain step and a reading
 * with a range), then an ordered phase with a critical step, an evidence step and a last step.
 */
export const checkUpsProcedure = `id: check-ups
title: { fr: Contrôler l'onduleur, en: Check the UPS }
kind: SOP
risk: medium
applies_to: [ups]
categories: [power]
estimated_minutes: 10
phases:
  - id: prepare
    title: { fr: Préparer, en: Prepare }
    free_order: true
    steps:
      - id: badge-in
        text: { fr: Badger à l'entrée, en: Badge in }
      - id: read-load
        text: { fr: Relever la charge, en: Read the load }
        reading:
          label: { fr: Charge, en: Load }
          unit: '%'
          min: 0
          max: 80
  - id: act
    title: { fr: Agir, en: Act }
    steps:
      - id: switch-bypass
        text: { fr: Basculer sur by-pass, en: Switch to bypass }
        critical: true
      - id: photo
        text: { fr: Photographier l'afficheur, en: Photograph the display }
        evidence: true
      - id: close
        text: { fr: Refermer, en: Close }
`;

/** A MOP whose rollback steps are never required. */
export const swapPduProcedure = `id: swap-pdu
title: { fr: Remplacer un PDU, en: Replace a PDU }
kind: MOP
risk: high
applies_to: [pdu]
categories: [power, maintenance]
estimated_minutes: 60
steps:
  - id: swap
    text: { fr: Remplacer, en: Swap }
rollback:
  - id: put-back
    text: { fr: Remettre, en: Put back }
`;

/** A procedure library in a temp folder that tests may change and reload. */
export function tempLibrary(
  files: Record<string, string> = {
    'sop/check-ups.yaml': checkUpsProcedure,
    'mop/swap-pdu.yaml': swapPduProcedure,
  },
): { dir: string; write(file: string, content: string): void; remove(file: string): void; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-run-library-'));
  const write = (file: string, content: string) => {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), content);
  };
  for (const [file, content] of Object.entries(files)) write(file, content);
  return {
    dir,
    write,
    remove: (file) => rmSync(join(dir, file), { force: true }),
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function startRun(
  client: ApiClient,
  procedureId = 'check-ups',
  extra: object = {},
): Promise<RunDetail> {
  const response = await client.post('/api/runs', { procedureId, ...extra });
  if (response.status !== 201) throw new Error(`start run: ${response.status} ${await response.text()}`);
  return (await response.json()) as RunDetail;
}

export const recordStep = (
  client: ApiClient,
  runId: number,
  stepId: string,
  body: RecordStep,
  headers: Record<string, string> = {},
) => client.post(`/api/runs/${runId}/steps/${stepId}`, body, headers);

/** Records a step and fails the test unless it was accepted. */
export async function signStep(
  client: ApiClient,
  runId: number,
  stepId: string,
  body: RecordStep,
): Promise<StepRecordResult> {
  const response = await recordStep(client, runId, stepId, body);
  if (response.status !== 201) throw new Error(`sign ${stepId}: ${response.status} ${await response.text()}`);
  return (await response.json()) as StepRecordResult;
}

export const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error;

export const stepOf = (run: RunDetail, stepId: string) => {
  const step = run.steps.find((candidate) => candidate.id === stepId);
  if (!step) throw new Error(`no step ${stepId}`);
  return step;
};

/** The signed-in user's id. */
export async function userIdOf(client: ApiClient): Promise<number> {
  return ((await (await client.get('/api/auth/me')).json()) as { user: { id: number } }).user.id;
}

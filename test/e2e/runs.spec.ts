import { createHash } from 'node:crypto';
import { expect, type Page, type Response, test } from '@playwright/test';
import { incidentSchema } from '@vigie/shared';
import { apiAs } from './support/api.js';
import {
  currentRecord,
  getRun,
  myUserId,
  recordStepViaApi,
  signStep,
  startRun,
  stepCard,
  uploadEvidenceViaApi,
  verifyStepViaApi,
} from './support/runs.js';
import { ticksOnDevice } from './support/offline.js';
import { demoUsers, signIn } from './support/sign-in.js';

/** How many ticks the device's IndexedDB queue still holds (evaluated in the page). */
const queuedTicksOnDevice = `new Promise((resolve, reject) => {
  const request = indexedDB.open('vigie-offline');
  request.onerror = () => reject(new Error('open failed'));
  request.onsuccess = () => {
    const count = request.result.transaction('ticks').objectStore('ticks').count();
    count.onsuccess = () => resolve(count.result);
  };
})`;

/** A valid 1×1 PNG, as a phone camera would send a (much larger) image. */
const onePixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const upsTitle = 'Onduleur sur batterie après perte du réseau électrique';

/** The page's live connection is up (so a measured delay is the event's, not the socket's start). */
async function expectLive(page: Page): Promise<void> {
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
}

test('a technician runs a procedure: ticks, an out-of-range reading, a skip with reason, and a live verification by the coordinator', async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, demoUsers.technician.username);
  await page.goto('/procedures/ups-on-battery');
  await page.getByRole('button', { name: 'Démarrer une exécution' }).click();
  await expect(page).toHaveURL(/\/runs\/\d+$/);
  const runId = Number(new URL(page.url()).pathname.split('/').pop());
  await expect(page.getByRole('heading', { level: 1, name: upsTitle })).toBeVisible();
  await expect(page.getByTestId('run-context')).toHaveText('Sans contexte');
  await expect(page.getByTestId('run-progress')).toContainText('0 / ');

  // The whole checklist, remembered on the device across a reload.
  await page.getByText('Liste complète').click();
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Liste complète' })).toBeChecked();

  // Steps go in order: the second one cannot be signed before the first.
  await expect(stepCard(page, 'check-generator-start').getByTestId('step-status')).toHaveText(
    'En attente des étapes précédentes',
  );
  await signStep(stepCard(page, 'confirm-on-battery'), 'done');
  await expect(stepCard(page, 'confirm-on-battery').getByTestId('step-status')).toHaveText('Fait');

  // A critical step: signed by the technician, who may not verify it themselves.
  const critical = stepCard(page, 'check-generator-start');
  await signStep(critical, 'done');
  await expect(critical.getByTestId('step-verification')).toContainText(
    'En attente de vérification par une autre personne',
  );
  await expect(
    critical.getByText('Vous avez signé cette étape : une autre personne doit la vérifier.'),
  ).toBeVisible();
  await expect(critical.getByRole('button', { name: 'Vérifier cette étape' })).toBeHidden();
  // Nor through the API.
  const technicianApi = await apiAs(baseURL!, demoUsers.technician.username);
  const before = await getRun(technicianApi, runId);
  const record = before.steps.find((step) => step.id === 'check-generator-start')?.current;
  expect(record).toBeTruthy();
  const selfVerify = await technicianApi.post(`/api/runs/${runId}/steps/check-generator-start/verification`, {
    data: { recordId: record!.id },
    headers: { 'Idempotency-Key': `e2e-self-verify-${runId}` },
  });
  expect(selfVerify.status()).toBe(422);

  // A reading out of range: flagged before signing, incident offered, recorded and flagged.
  const autonomy = stepCard(page, 'read-autonomy');
  await autonomy.getByRole('radio', { name: 'Fait', exact: true }).check();
  await autonomy.getByLabel('Autonomie batterie restante (min)').fill('5');
  await expect(autonomy.getByTestId('out-of-range-warning')).toContainText('Hors plage (≥ 10 min)');
  await autonomy.getByRole('button', { name: 'Signer l’étape' }).click();
  await expect(currentRecord(autonomy).getByTestId('out-of-range-flag')).toHaveText('Hors plage');
  const incidentLink = autonomy.getByRole('link', { name: 'Ouvrir un incident' });
  const href = new URL((await incidentLink.getAttribute('href'))!, baseURL);
  expect(href.pathname).toBe('/incidents/new');
  expect(href.searchParams.get('title')).toBe(
    'Relevé hors plage : Autonomie batterie restante = 5 min (plage ≥ 10 min)',
  );
  expect(href.searchParams.get('origin')).toBe('staff');
  expect(href.searchParams.get('runId')).toBe(String(runId));

  // A skip needs a reason.
  const load = stepCard(page, 'read-ups-load');
  await load.getByRole('radio', { name: 'Passer', exact: true }).check();
  await load.getByRole('button', { name: 'Signer l’étape' }).click();
  await expect(load.getByText('Donnez le motif.')).toBeVisible();
  await load.getByLabel(/^Motif/).fill('Afficheur de l’onduleur hors service');
  await load.getByRole('button', { name: 'Signer l’étape' }).click();
  await expect(load.getByTestId('step-status')).toHaveText('Passée');
  await expect(load).toContainText('Motif : Afficheur de l’onduleur hors service');

  // The coordinator, in another browser, verifies the critical step; the technician sees it live.
  const coordinatorContext = await browser.newContext();
  const coordinatorPage = await coordinatorContext.newPage();
  await signIn(coordinatorPage, demoUsers.coordinator.username);
  await coordinatorPage.goto(`/runs/${runId}`);
  // One step at a time opens, for a second person, the step awaiting their verification.
  await expect(coordinatorPage.getByText('Étape 2 sur 13')).toBeVisible();
  await expectLive(page);
  const verification = coordinatorPage.waitForResponse(
    (response) =>
      response.url().endsWith(`/api/runs/${runId}/steps/check-generator-start/verification`) &&
      response.request().method() === 'POST',
  );
  await stepCard(coordinatorPage, 'check-generator-start')
    .getByRole('button', { name: 'Vérifier cette étape' })
    .click();
  expect((await verification).status()).toBe(201);
  // Measured from the API answer: on the technician's page within a second.
  await expect(currentRecord(critical).getByTestId('step-verified')).toContainText(
    'Vérifiée par Camille Coordinatrice',
    { timeout: 1_000 },
  );
  await expect(critical.getByTestId('step-verification')).toBeHidden();
  // Verified, the coordinator's page moves on to the next step to act on.
  await expect(coordinatorPage.getByText('Étape 5 sur 13')).toBeVisible();
  await coordinatorContext.close();

  // The full record, exported (the links carry the page's language).
  const csvHref = await page.getByRole('link', { name: 'Exporter (CSV)' }).getAttribute('href');
  expect(csvHref).toBe(`/api/runs/${runId}/export?format=csv&lang=fr`);
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain('Afficheur de l’onduleur hors service');
  const pdf = await page.request.get(
    (await page.getByRole('link', { name: 'Exporter (PDF)' }).getAttribute('href'))!,
  );
  expect(pdf.headers()['content-type']).toContain('application/pdf');

  const after = await getRun(technicianApi, runId);
  expect(after.progress).toMatchObject({ signed: 4, outOfRange: 1, awaitingVerification: 0 });
  const autonomyRecord = after.steps.find((step) => step.id === 'read-autonomy')?.current;
  expect(autonomyRecord?.reading).toMatchObject({ value: 5, unit: 'min', inRange: false });
  await technicianApi.dispose();
});

test('a correction is a new record; the history keeps the first one', async ({ page, baseURL }) => {
  const api = await apiAs(baseURL!, demoUsers.technician.username);
  const run = await startRun(api, 'remote-hands-request', await myUserId(api));
  await signIn(page, demoUsers.technician.username);
  await page.goto(`/runs/${run.id}`);
  await page.getByText('Liste complète').click();
  const first = stepCard(page, 'check-requester');
  await signStep(first, 'failed', { reason: 'Demandeur absent de la liste' });
  await expect(first.getByTestId('step-status')).toHaveText('Échec');
  await first.getByRole('button', { name: 'Corriger' }).click();
  await first.getByRole('radio', { name: 'Fait', exact: true }).check();
  await first.getByRole('button', { name: 'Enregistrer la correction' }).click();
  await expect(first.getByText('Donnez le motif.')).toBeVisible();
  await first.getByLabel(/^Motif/).fill('Liste mise à jour par le client');
  await first.getByRole('button', { name: 'Enregistrer la correction' }).click();
  await expect(first.getByTestId('step-status')).toHaveText('Fait');
  await first.getByText('Historique (2)').click();
  await expect(first.getByText('Remplacé par une correction')).toBeVisible();

  const stored = await getRun(api, run.id);
  const history = stored.steps.find((step) => step.id === 'check-requester')!.history;
  expect(history.map((record) => [record.outcome, record.supersededBy !== null])).toEqual([
    ['failed', true],
    ['done', false],
  ]);

  // A step that asks for evidence: refused without a photo, then signed with one (uploaded first).
  await signStep(stepCard(page, 'confirm-scope'), 'done');
  const device = stepCard(page, 'identify-device');
  await device.getByRole('radio', { name: 'Fait', exact: true }).check();
  await device.getByRole('button', { name: 'Signer l’étape' }).click();
  await expect(device.getByText('Cette étape demande une preuve : ajoutez une photo.')).toBeVisible();
  await device.getByLabel(/^Preuve \(photo\)/).setInputFiles({
    name: 'etiquette.png',
    mimeType: 'image/png',
    buffer: onePixelPng,
  });
  await device.getByRole('button', { name: 'Signer l’étape' }).click();
  await expect(currentRecord(device).getByRole('link', { name: 'Preuve : etiquette.png' })).toBeVisible();
  const withEvidence = (await getRun(api, run.id)).steps.find((step) => step.id === 'identify-device')!;
  expect(withEvidence.current?.evidence.map((file) => [file.name, file.size])).toEqual([
    ['etiquette.png', onePixelPng.length],
  ]);
  await api.dispose();
});

test('a tick refused by the server (someone else signed the step meanwhile) is shown with the server state, not dropped', async ({
  page,
  context,
  baseURL,
}) => {
  const api = await apiAs(baseURL!, demoUsers.technician.username);
  const run = await startRun(api, 'visitor-escort', await myUserId(api));
  await signIn(page, demoUsers.technician.username);
  await page.goto(`/runs/${run.id}`);
  await expect(page.getByText('Étape 1 sur 8')).toBeVisible();

  await context.setOffline(true);
  await signStep(stepCard(page, 'check-identity'), 'done');
  await expect(page.getByTestId('waiting-banner')).toContainText('En attente du réseau (1)');

  // Meanwhile the coordinator signs the same step from the desk.
  const coordinator = await apiAs(baseURL!, demoUsers.coordinator.username);
  const desk = await coordinator.post(`/api/runs/${run.id}/steps/check-identity`, {
    data: { outcome: 'done', expectedRecordId: null },
    headers: { 'Idempotency-Key': `e2e-desk-${run.id}` },
  });
  expect(desk.status(), await desk.text()).toBe(201);
  await coordinator.dispose();

  await context.setOffline(false);
  const conflicts = page.getByTestId('tick-conflicts');
  await expect(conflicts).toContainText('Signatures refusées par le serveur (1)', { timeout: 15_000 });
  await expect(conflicts).toContainText('Sur le serveur maintenant : Fait — Camille Coordinatrice');
  await expect(page.getByTestId('waiting-banner')).toBeHidden();
  // Still on the device until the technician lets it go.
  expect(Number(await page.evaluate(queuedTicksOnDevice))).toBe(1);
  await conflicts.getByRole('button', { name: 'J’ai vu, retirer de l’appareil' }).click();
  await expect(conflicts).toBeHidden();
  expect(Number(await page.evaluate(queuedTicksOnDevice))).toBe(0);

  const history = (await getRun(api, run.id)).steps.find((step) => step.id === 'check-identity')!.history;
  expect(history.map((record) => record.performedBy.displayName)).toEqual(['Camille Coordinatrice']);

  // Abort needs a reason; the run then shows why, and no step can be signed any more.
  await page.getByRole('button', { name: 'Interrompre' }).click();
  const dialog = page.getByRole('dialog', { name: 'Interrompre l’exécution' });
  await dialog.getByRole('button', { name: 'Interrompre' }).click();
  await expect(dialog.getByText('Donnez le motif.')).toBeVisible();
  await dialog.getByLabel(/^Motif de l’interruption/).fill('Visite annulée par le client');
  await dialog.getByRole('button', { name: 'Interrompre' }).click();
  await expect(page.getByText('Interrompue : Visite annulée par le client')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Signer l’étape' })).toHaveCount(0);
  expect((await getRun(api, run.id)).state).toBe('aborted');
  await api.dispose();
});

test('a suggested procedure is started from an incident; the incident page and the board follow its progress live', async ({
  page,
  browser,
  baseURL,
}) => {
  const coordinatorApi = await apiAs(baseURL!, demoUsers.coordinator.username);
  const created = await coordinatorApi.post('/api/incidents', {
    data: {
      title: 'Onduleur B sur batterie',
      description: 'Perte du réseau EDF, onduleur B sur batterie.',
      category: 'power',
      impact: 1,
      urgency: 1,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const incident = incidentSchema.parse(await created.json());

  await signIn(page, demoUsers.coordinator.username);
  await page.goto(`/incidents/${incident.id}`);
  const panel = page.getByTestId('incident-runs-panel');
  await expect(panel).toContainText('Aucune procédure démarrée pour cet incident.');
  await panel
    .getByTestId('suggested-ups-on-battery')
    .getByRole('button', { name: 'Démarrer pour cet incident' })
    .click();
  await expect(page).toHaveURL(/\/runs\/\d+$/);
  const runId = Number(new URL(page.url()).pathname.split('/').pop());
  await expect(page.getByTestId('run-context').getByRole('link')).toHaveAttribute(
    'href',
    `/incidents/${incident.id}`,
  );

  // Each record is measured from its API answer (recordStepViaApi returns once answered): within a second.
  await page.goto(`/incidents/${incident.id}`);
  const item = page.getByTestId('incident-runs-panel').getByTestId(`run-item-${runId}`);
  await expect(item.getByTestId('run-progress')).toContainText('0 / 13 étapes signées');
  await expectLive(page);
  const technicianApi = await apiAs(baseURL!, demoUsers.technician.username);
  await recordStepViaApi(technicianApi, runId, 'confirm-on-battery');
  await expect(item.getByTestId('run-progress')).toContainText('1 / 13 étapes signées', { timeout: 1_000 });

  await page.goto('/');
  const boardItem = page.getByTestId('runs-in-progress-panel').getByTestId(`run-item-${runId}`);
  await expect(boardItem).toBeVisible();
  await expectLive(page);
  await recordStepViaApi(technicianApi, runId, 'check-generator-start');
  await expect(boardItem.getByTestId('run-progress')).toContainText('1 en attente de vérification', {
    timeout: 1_000,
  });
  await recordStepViaApi(technicianApi, runId, 'read-autonomy', { outcome: 'done', reading: 42 });
  await expect(boardItem.getByTestId('run-progress')).toContainText('2 / 13 étapes signées', {
    timeout: 1_000,
  });

  // The technician takes the run over; it then heads their "my runs".
  const technicianContext = await browser.newContext();
  const technicianPage = await technicianContext.newPage();
  await signIn(technicianPage, demoUsers.technician.username);
  await technicianPage.goto(`/runs/${runId}`);
  const assignee = technicianPage.getByTestId('run-assignee');
  await expect(assignee).toContainText('Camille Coordinatrice');
  await assignee.getByRole('button', { name: 'Me l’assigner' }).click();
  await expect(assignee).toHaveText('Théo Technicien');
  await technicianPage.getByRole('link', { name: 'Exécutions', exact: true }).first().click();
  await expect(technicianPage.getByTestId('runs-mine-list').getByTestId(`run-item-${runId}`)).toBeVisible();
  await technicianContext.close();
  await technicianApi.dispose();
  await coordinatorApi.dispose();
});

test('a run is completed once every required step is signed and verified', async ({ page, baseURL }) => {
  const api = await apiAs(baseURL!, demoUsers.technician.username);
  const run = await startRun(api, 'remote-hands-request', await myUserId(api));
  await signIn(page, demoUsers.technician.username);
  await page.goto(`/runs/${run.id}`);
  const complete = page.getByRole('button', { name: 'Terminer l’exécution' });
  await expect(complete).toBeDisabled();
  await expect(
    page.getByText(/^Toutes les étapes obligatoires doivent être signées \(et vérifiées si critiques\)/),
  ).toBeVisible();

  const photo = await uploadEvidenceViaApi(api, run.id, {
    name: 'baie.png',
    mimeType: 'image/png',
    buffer: onePixelPng,
  });
  for (const step of run.steps.filter((candidate) => !candidate.rollback)) {
    await recordStepViaApi(api, run.id, step.id, {
      outcome: 'done',
      ...(step.evidenceRequired ? { evidence: [photo] } : {}),
    });
  }
  const coordinatorApi = await apiAs(baseURL!, demoUsers.coordinator.username);
  const signed = await getRun(api, run.id);
  for (const step of signed.steps.filter((candidate) => candidate.critical)) {
    await verifyStepViaApi(coordinatorApi, signed, step.id);
  }
  await coordinatorApi.dispose();

  // The page follows live, then completion is offered.
  await expect(page.getByTestId('run-progress')).toContainText('6 / 6 étapes signées');
  await complete.click();
  await expect(page.getByText('Exécution terminée.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Signer l’étape' })).toHaveCount(0);
  expect((await getRun(api, run.id)).state).toBe('completed');
  await api.dispose();
});

test.describe('on a phone, offline', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('ticks made offline wait on the device, are sent in order when the network returns, and are stored exactly once', async ({
    page,
    context,
    baseURL,
  }) => {
    const api = await apiAs(baseURL!, demoUsers.technician.username);
    const run = await startRun(api, 'ups-on-battery', await myUserId(api));
    await signIn(page, demoUsers.technician.username);

    // My runs: the technician's home lists the run first.
    await page.goto('/runs');
    await expect(page.getByTestId('runs-mine-list').getByTestId(`run-item-${run.id}`)).toBeVisible();
    await page.getByTestId(`run-item-${run.id}`).getByRole('link', { name: upsTitle }).click();
    await expect(page.getByRole('heading', { level: 1, name: upsTitle })).toBeVisible();
    await expect(page.getByText('Étape 1 sur 13')).toBeVisible();

    await context.setOffline(true);
    // One step at a time: each signature moves on to the next step.
    await signStep(stepCard(page, 'confirm-on-battery'), 'done');
    await expect(page.getByTestId('waiting-banner')).toContainText('En attente du réseau (1)');
    await signStep(stepCard(page, 'check-generator-start'), 'done');
    await signStep(stepCard(page, 'read-autonomy'), 'done', {
      reading: '42',
      readingLabel: 'Autonomie batterie restante (min)',
    });
    await signStep(stepCard(page, 'read-ups-load'), 'skipped', { reason: 'Afficheur illisible' });
    await expect(page.getByTestId('waiting-banner')).toContainText('En attente du réseau (4)');
    await expect(page.getByText('Étape 5 sur 13')).toBeVisible();

    // Usable at 360 px: nothing wider than the screen, the outcome buttons large enough to touch.
    // Evaluated in the page (a string: the test package has no DOM types).
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
    const done = stepCard(page, 'confirm-transfer').getByText('Fait', { exact: true }).first();
    const box = await done.locator('xpath=ancestor::label').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);

    // Nothing reached the server while offline.
    expect((await getRun(api, run.id)).progress.signed).toBe(0);

    await context.setOffline(false);
    await expect(page.getByTestId('waiting-banner')).toBeHidden({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Étape précédente' }).click();
    await expect(stepCard(page, 'read-ups-load').getByTestId('step-status')).toHaveText('Passée');

    // Through the API: every tick stored exactly once, in order, with its device time.
    const stored = await getRun(api, run.id);
    const signed = ['confirm-on-battery', 'check-generator-start', 'read-autonomy', 'read-ups-load'];
    for (const stepId of signed) {
      const step = stored.steps.find((candidate) => candidate.id === stepId)!;
      expect({ stepId, records: step.history.length }).toEqual({ stepId, records: 1 });
      expect(step.history[0]!.deviceTime).not.toBeNull();
    }
    const records = signed.map((stepId) => stored.steps.find((step) => step.id === stepId)!.history[0]!);
    const ids = records.map((record) => record.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(records.map((record) => record.outcome)).toEqual(['done', 'done', 'done', 'skipped']);
    expect(records[2]!.reading).toMatchObject({ value: 42, inRange: true });
    expect(stored.steps.filter((step) => step.history.length > 0)).toHaveLength(4);
    // The device's queue is empty.
    const left = Number(await page.evaluate(queuedTicksOnDevice));
    expect(left).toBe(0);
    await api.dispose();
  });

  test('a tick whose answer was lost is sent again with the same key and stored once; a photo taken offline is sent with its tick', async ({
    page,
    context,
    baseURL,
  }) => {
    const api = await apiAs(baseURL!, demoUsers.technician.username);
    const run = await startRun(api, 'remote-hands-request', await myUserId(api));
    const historyOf = async (stepId: string) =>
      (await getRun(api, run.id)).steps.find((step) => step.id === stepId)!.history;
    await signIn(page, demoUsers.technician.username);
    await page.goto(`/runs/${run.id}`);
    await expect(page.getByText('Étape 1 sur 6')).toBeVisible();

    // The server stores the first record, then its answer is lost on the way back to the phone.
    const firstStep = `/api/runs/${run.id}/steps/check-requester`;
    const keysSent: string[] = [];
    const answers: Response[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith(firstStep) && response.request().method() === 'POST')
        answers.push(response);
    });
    await page.route(`**${firstStep}`, async (route) => {
      keysSent.push(route.request().headers()['idempotency-key'] ?? '');
      if (keysSent.length > 1) return route.continue();
      const stored = await route.fetch();
      expect(stored.status()).toBe(201);
      return route.abort('connectionreset');
    });
    await signStep(stepCard(page, 'check-requester'), 'done');
    await expect(page.getByTestId('waiting-banner')).toContainText('En attente du réseau (1)');
    // The banner shows as soon as the tick is on the device; the server has it once the send is done.
    await expect.poll(async () => (await historyOf('check-requester')).length).toBe(1);

    // Then the network drops: the next ticks, one with a photo, wait on the device with it.
    await context.setOffline(true);
    await signStep(stepCard(page, 'confirm-scope'), 'done');
    const photo = Buffer.concat([onePixelPng, Buffer.from(`offline photo of run ${run.id}`)]);
    const device = stepCard(page, 'identify-device');
    await device.getByRole('radio', { name: 'Fait', exact: true }).check();
    await device.getByLabel(/^Preuve \(photo\)/).setInputFiles({
      name: 'etiquette-hors-ligne.png',
      mimeType: 'image/png',
      buffer: photo,
    });
    await device.getByRole('button', { name: 'Signer l’étape' }).click();
    await expect(page.getByTestId('waiting-banner')).toContainText('En attente du réseau (3)');
    expect(await historyOf('identify-device')).toHaveLength(0);

    await context.setOffline(false);
    await expect(page.getByTestId('waiting-banner')).toBeHidden({ timeout: 15_000 });
    expect(await ticksOnDevice(page)).toBe(0);

    // Resent with the key it got when ticked; the server answered with the first answer, stored once.
    expect(keysSent.length).toBeGreaterThanOrEqual(2);
    expect(keysSent[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(keysSent)).toEqual(new Set([keysSent[0]]));
    expect(answers.length).toBeGreaterThanOrEqual(1);
    for (const answer of answers) {
      expect(answer.status()).toBe(201);
      expect(answer.headers()['idempotent-replayed']).toBe('true');
    }
    const requester = await historyOf('check-requester');
    expect(requester).toHaveLength(1);
    expect(requester[0]!.outcome).toBe('done');
    expect(await historyOf('confirm-scope')).toHaveLength(1);

    // The photo reached the server with the tick, stored under its SHA-256, byte for byte.
    const sha256 = createHash('sha256').update(photo).digest('hex');
    const identify = await historyOf('identify-device');
    expect(identify).toHaveLength(1);
    expect(identify[0]!.deviceTime).not.toBeNull();
    expect(identify[0]!.evidence.map((file) => [file.name, file.sha256, file.size])).toEqual([
      ['etiquette-hors-ligne.png', sha256, photo.length],
    ]);
    const download = await api.get(`/api/runs/${run.id}/evidence/${sha256}`);
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body()).equals(photo)).toBe(true);
    await api.dispose();
  });
});

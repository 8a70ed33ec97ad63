import { expect, test } from '@playwright/test';
import { apiAs } from './support/api.js';
import { uniqueTitle } from './support/incidents.js';
import {
  getRun,
  recordStepViaApi,
  signStep,
  stepCard,
  uploadEvidenceViaApi,
  verifyStepViaApi,
} from './support/runs.js';
import { demoUsers, signIn } from './support/sign-in.js';
import { createDailyTaskViaApi, firstSiteTimeIn, occurrencesOf, taskByTitle } from './support/tasks.js';

// A 1×1 transparent PNG: the evidence the remote-hands procedure asks for.
const onePixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

test('a coordinator defines a daily task, sees its occurrence, runs it through its procedure and sees it done', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs(baseURL!, demoUsers.coordinator.username);
  // 20 minutes ahead with the default 60-minute lead: the first occurrence is already due.
  const { time, timeZone } = await firstSiteTimeIn(api, 20);
  const [hour, minute] = time.split(':').map(Number);
  const title = uniqueTitle('Ronde e2e');

  await signIn(page, demoUsers.coordinator.username);
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Tâches récurrentes' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tâches récurrentes' })).toBeVisible();
  await page.getByRole('link', { name: 'Nouvelle tâche' }).click();

  await page.getByLabel(/^Intitulé/).fill(title);
  await page.getByLabel(/^Procédure à dérouler/).selectOption('remote-hands-request');
  await page.getByLabel('Heure 1', { exact: true }).fill(time);
  // The form writes the rule; the preview shows the next times in the site's zone.
  await expect(page.getByLabel(/^Règle de récurrence/)).toHaveValue(
    `FREQ=DAILY;BYHOUR=${hour};BYMINUTE=${minute}`,
  );
  const preview = page.getByTestId('task-preview');
  await expect(preview.getByText(`À l’heure du site (${timeZone})`)).toBeVisible();
  await expect(preview.getByRole('listitem')).toHaveCount(5);
  await expect(preview.getByRole('listitem').first()).toContainText(time);
  await page.getByLabel(/^Assignée à/).selectOption({ label: demoUsers.coordinator.displayName });
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await expect(page.getByText(`Tâche « ${title} » créée.`)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: title })).toContainText(`Tous les jours à ${time}`);
  const task = await taskByTitle(api, title);
  expect(task.rrule).toBe(`FREQ=DAILY;BYHOUR=${hour};BYMINUTE=${minute}`);

  // The occurrence is in the upcoming work; starting it opens its run.
  const upcoming = page.getByRole('list', { name: 'À venir' });
  const item = upcoming.getByRole('listitem').filter({ hasText: title }).first();
  await expect(item).toBeVisible();
  await item.getByRole('button', { name: `Démarrer : ${title}` }).click();
  await expect(page).toHaveURL(/\/runs\/\d+$/);
  const runId = Number(new URL(page.url()).pathname.split('/').at(-1));
  const [occurrence] = await occurrencesOf(api, task.id);
  expect(occurrence).toMatchObject({ state: 'in_progress', runId });

  // One step ticked on the page, the others as a colleague would; critical ones verified by a second person.
  await page.getByText('Liste complète').click();
  await signStep(stepCard(page, 'check-requester'), 'done');
  await expect(stepCard(page, 'check-requester').getByTestId('step-status')).not.toHaveText('À faire');
  const run = await getRun(api, runId);
  const photo = await uploadEvidenceViaApi(api, runId, {
    name: 'baie.png',
    mimeType: 'image/png',
    buffer: onePixelPng,
  });
  for (const step of run.steps.filter(
    (candidate) => !candidate.rollback && candidate.id !== 'check-requester',
  )) {
    await recordStepViaApi(api, runId, step.id, {
      outcome: 'done',
      ...(step.evidenceRequired ? { evidence: [photo] } : {}),
    });
  }
  const adminApi = await apiAs(baseURL!, demoUsers.admin.username);
  const signed = await getRun(api, runId);
  for (const step of signed.steps.filter((candidate) => candidate.critical)) {
    await verifyStepViaApi(adminApi, signed, step.id);
  }
  await adminApi.dispose();
  const complete = page.getByRole('button', { name: 'Terminer l’exécution' });
  await expect(complete).toBeEnabled();
  await complete.click();
  await expect(page.getByText('Exécution terminée.')).toBeVisible();

  // The calendar shows the occurrence done, on its local day.
  const day = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(occurrence!.scheduledAt));
  await page.goto(`/tasks/calendar?view=day&date=${day}`);
  const entry = page.getByTestId(`calendar-occurrence-${occurrence!.id}`);
  await expect(entry).toContainText(title);
  await expect(entry.getByTestId('occurrence-state')).toHaveText('Faite');
  await entry.click();
  await expect(
    page.getByRole('dialog', { name: title }).getByRole('link', { name: 'Ouvrir l’exécution' }),
  ).toHaveAttribute('href', `/runs/${runId}`);
  expect((await occurrencesOf(api, task.id))[0]).toMatchObject({ state: 'done', runId });
  await api.dispose();
});

test('a technician sees the recurring work but cannot define tasks', async ({ page }) => {
  await signIn(page, demoUsers.technician.username);
  await page.goto('/tasks');
  await expect(page.getByRole('heading', { level: 1, name: 'Tâches récurrentes' })).toBeVisible();
  await expect(page.getByText('Vous pouvez consulter les tâches, pas les définir.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nouvelle tâche' })).toHaveCount(0);
  await page.goto('/tasks/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
});

test('the board shows a task coming due live, and the coordinator cancels an occurrence with a reason', async ({
  page,
  baseURL,
}) => {
  await signIn(page, demoUsers.coordinator.username);
  const panel = page.getByTestId('overdue-tasks-panel');
  // The panel has loaded and the live channel is up: from here on only a live event can bring the task.
  await expect(panel.getByText(/^(Aucune tâche en retard|\d+ en retard)/)).toBeVisible();
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');

  // Defined elsewhere while the board is open: its occurrence arrives without a reload.
  const api = await apiAs(baseURL!, demoUsers.coordinator.username);
  const { siteId, time } = await firstSiteTimeIn(api, 30);
  const title = uniqueTitle('Contrôle e2e');
  const task = await createDailyTaskViaApi(api, { title, siteId, time });
  const item = panel.getByRole('listitem').filter({ hasText: title });
  await expect(item).toBeVisible();
  await expect(item.getByRole('button', { name: `Démarrer : ${title}` })).toBeVisible();

  // Cancelling needs a reason; the occurrence then leaves the open work.
  await item.getByRole('button', { name: 'Annuler l’occurrence' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^Motif/).fill('ok');
  await dialog.getByRole('button', { name: 'Annuler l’occurrence' }).click();
  await expect(dialog.getByText('Au moins 3 caractères.')).toBeVisible();
  await dialog.getByLabel(/^Motif/).fill('Salle fermée pour travaux');
  await dialog.getByRole('button', { name: 'Annuler l’occurrence' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(panel.getByRole('listitem').filter({ hasText: title })).toHaveCount(0);
  const [cancelled] = await occurrencesOf(api, task.id);
  expect(cancelled).toMatchObject({ state: 'cancelled', cancelReason: 'Salle fermée pour travaux' });
  await api.dispose();
});

test('the calendar pages through weeks with the arrow keys', async ({ page }) => {
  await signIn(page, demoUsers.coordinator.username);
  await page.goto('/tasks/calendar?view=week&date=2026-11-25');
  const calendar = page.getByTestId('tasks-calendar');
  await expect(calendar.getByRole('heading', { name: 'lundi 23 novembre' })).toBeVisible();
  await calendar.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/date=2026-12-02/);
  await expect(calendar.getByRole('heading', { name: 'lundi 30 novembre' })).toBeVisible();
  await page.getByRole('button', { name: 'Jour', exact: true }).click();
  await expect(calendar.getByRole('heading', { level: 2 })).toHaveCount(1);
});

test('the calendar filters by a team the tasks use, free text included', async ({ page, baseURL }) => {
  const api = await apiAs(baseURL!, demoUsers.coordinator.username);
  const { siteId, time } = await firstSiteTimeIn(api, 90);
  const team = `Équipe e2e ${Date.now().toString(36)}`;
  const title = uniqueTitle('Ronde d’équipe');
  const task = await createDailyTaskViaApi(api, { title, siteId, time, team });
  const [occurrence] = await occurrencesOf(api, task.id);
  await signIn(page, demoUsers.coordinator.username);
  await page.goto('/tasks/calendar?view=week');
  const calendar = page.getByTestId('tasks-calendar');
  await expect(calendar.getByTestId(`calendar-occurrence-${occurrence!.id}`)).toBeVisible();
  await page.getByLabel('Équipe').selectOption(team);
  await expect(calendar.getByTestId(`calendar-occurrence-${occurrence!.id}`)).toBeVisible();
  // Another team's rounds leave the calendar.
  await page.getByLabel('Équipe').selectOption('electrical');
  await expect(calendar.getByTestId(`calendar-occurrence-${occurrence!.id}`)).toHaveCount(0);
  await api.dispose();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the task form fits 360 px without sideways scrolling', async ({ page }) => {
    await signIn(page, demoUsers.coordinator.username);
    await page.goto('/tasks/new');
    await expect(page.getByLabel(/^Règle de récurrence/)).toBeVisible();
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test('the raw rule can be edited by hand: the form follows, refused rules are explained, the task is saved', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs(baseURL!, demoUsers.coordinator.username);
  const { siteId } = await firstSiteTimeIn(api, 0);
  const title = uniqueTitle('Règle e2e');
  const task = await createDailyTaskViaApi(api, { title, siteId, time: '06:00' });
  await signIn(page, demoUsers.coordinator.username);
  await page.goto('/tasks');
  await page.getByRole('table').getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${task.id}/edit$`));
  const rule = page.getByLabel(/^Règle de récurrence/);
  await expect(rule).toHaveValue('FREQ=DAILY;BYHOUR=6;BYMINUTE=0');

  await rule.fill('FREQ=WEEKLY;BYDAY=MO,FR;BYHOUR=7;BYMINUTE=30');
  await expect(page.getByLabel('Fréquence')).toHaveValue('weekly');
  await expect(page.getByRole('checkbox', { name: 'Lundi' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Vendredi' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Mardi' })).not.toBeChecked();
  await expect(page.getByTestId('task-preview').getByRole('listitem').first()).toContainText('07:30');

  await rule.fill('FREQ=HOURLY');
  await expect(page.getByTestId('task-preview').getByText(/^Règle refusée/)).toBeVisible();

  await rule.fill('FREQ=DAILY;INTERVAL=2;BYHOUR=6;BYMINUTE=0');
  await expect(page.getByText('Règle personnalisée')).toBeVisible();
  await expect(page.getByTestId('task-preview').getByRole('listitem')).toHaveCount(5);
  // Every other day counts from the start date: the preview follows it as the scheduler will.
  await page.getByLabel('Date de début').fill('2027-01-05');
  await expect(page.getByTestId('task-preview').locator('time').first()).toHaveAttribute(
    'datetime',
    '2027-01-05T05:00:00.000Z',
  );
  await expect(page.getByTestId('task-preview').locator('time').nth(1)).toHaveAttribute(
    'datetime',
    '2027-01-07T05:00:00.000Z',
  );
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(`Tâche « ${title} » enregistrée.`)).toBeVisible();
  const saved = await taskByTitle(api, title);
  expect(saved.rrule).toBe('FREQ=DAILY;INTERVAL=2;BYHOUR=6;BYMINUTE=0');
  expect(saved.startDate).toBe('2027-01-05');
  await api.dispose();
});

import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { ProcedureList } from '@vigie/shared';
import { demoUsers, signIn } from './support/sign-in.js';

test('the library lists procedures, filters them and shows one with its steps and marks', async ({
  page,
}) => {
  await signIn(page, demoUsers.technician.username);
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Procédures' })
    .click();
  await expect(page).toHaveURL(/\/procedures$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Bibliothèque' })).toBeVisible();
  const list = page.getByRole('list', { name: 'Procédures de la bibliothèque' });
  await expect(list.getByTestId('procedure-ups-on-battery')).toContainText('Onduleur sur batterie');
  await expect(list.getByTestId('procedure-pdu-replacement')).toBeVisible();

  // Filter by kind: only the planned changes are left.
  await page.getByLabel('Type').selectOption('MOP');
  await expect(list.getByTestId('procedure-ups-on-battery')).toBeHidden();
  await expect(list.getByTestId('procedure-pdu-replacement')).toBeVisible();
  await expect(page.getByText('3 procédure(s)')).toBeVisible();
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();

  // Search matches both languages; titles are shown in the reader's.
  await page.getByLabel('Rechercher').fill('UPS on battery');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await list.getByRole('link', { name: 'Onduleur sur batterie après perte du réseau électrique' }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: 'Onduleur sur batterie après perte du réseau électrique' }),
  ).toBeVisible();
  await expect(page.getByTestId('procedure-version')).toHaveText(/^[0-9a-f]{64}$/);
  const critical = page.getByTestId('procedure-step-check-generator-start');
  await expect(critical).toContainText('Vérification par une 2e personne');
  await expect(page.getByTestId('procedure-step-read-autonomy')).toContainText(
    'Relevé : Autonomie batterie restante · Plage acceptable : ≥ 10 min',
  );
  await expect(page.getByTestId('procedure-step-export-event-logs')).toContainText('Preuve requise');
  await expect(page.getByRole('button', { name: 'Démarrer une exécution' })).toBeVisible();
  // The technician is no admin: no library health section.
  await expect(page.getByRole('heading', { name: 'État de la bibliothèque' })).toBeHidden();

  // A planned change (MOP) shows its rollback steps.
  await page.goto('/procedures/ups-maintenance-bypass');
  await expect(page.getByRole('heading', { level: 2, name: 'Retour arrière' })).toBeVisible();
});

test('a manager reads the library but may not start a run', async ({ page }) => {
  await signIn(page, demoUsers.manager.username);
  await page.goto('/procedures/ups-on-battery');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Onduleur sur batterie après perte du réseau électrique' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Démarrer une exécution' })).toBeHidden();
});

test('an admin sees the library health and reloads the library without a restart', async ({ page }) => {
  await signIn(page, demoUsers.admin.username);
  await page.goto('/procedures');
  await expect(page.getByRole('heading', { level: 2, name: 'État de la bibliothèque' })).toBeVisible();
  await expect(page.getByText('Aucun fichier en erreur.')).toBeVisible();
  // The summary names what the library holds: count it through the API rather than fixing it here.
  const library = (await (await page.request.get('/api/procedures')).json()) as ProcedureList;
  const count = (kind: string) => library.items.filter((procedure) => procedure.kind === kind).length;
  await page.getByRole('button', { name: 'Recharger la bibliothèque' }).click();
  await expect(
    page
      .getByRole('status')
      .getByText(
        `Bibliothèque rechargée : ${library.items.length} procédure(s) (${count('EOP')} EOP, ${count('SOP')} SOP, ${count('MOP')} MOP), 0 problème(s).`,
        { exact: true },
      ),
  ).toBeVisible();
});

test('an admin sees a broken procedure file listed by line and field, and the library clean again once it is gone', async ({
  page,
}) => {
  // playwright.config.ts points the server at a copy of the library: this test may break it.
  const library = process.env.VIGIE_E2E_PROCEDURES_DIR;
  expect(library, 'the e2e server reads a copy of the library').toBeTruthy();
  const broken = join(library!, 'sop/e2e-half-written.yaml');
  writeFileSync(
    broken,
    [
      'id: e2e-half-written',
      'title: { fr: Procédure inachevée, en: Unfinished procedure }',
      'kind: SOP',
      'risk: low',
      'applies_to: [rack]',
      'estimated_minutes: 10',
      'steps:',
      '  - id: only-step',
      '    text:',
      '      fr: Faire quelque chose.',
      '',
    ].join('\n'),
  );
  try {
    await signIn(page, demoUsers.admin.username);
    await page.goto('/procedures');
    await expect(page.getByText('Aucun fichier en erreur.')).toBeVisible();
    await page.getByRole('button', { name: 'Recharger la bibliothèque' }).click();
    await expect(page.getByRole('status').getByText(/, 1 problème\(s\)\.$/)).toBeVisible();
    const problems = page.getByTestId('library-problems');
    const row = problems.getByRole('row', { name: /sop\/e2e-half-written\.yaml:9/ });
    await expect(row.getByRole('rowheader')).toHaveText('sop/e2e-half-written.yaml:9');
    await expect(row.getByRole('cell').nth(0)).toHaveText('steps[0].text.en');
    await expect(row.getByRole('cell').nth(1)).toHaveText('is required');
    // The broken file is skipped; the rest of the library still loads.
    await expect(page.getByTestId('procedure-ups-on-battery')).toBeVisible();
  } finally {
    rmSync(broken, { force: true });
  }
  await page.getByRole('button', { name: 'Recharger la bibliothèque' }).click();
  await expect(page.getByRole('status').getByText(/, 0 problème\(s\)\.$/)).toBeVisible();
  await expect(page.getByText('Aucun fichier en erreur.')).toBeVisible();
  await expect(page.getByTestId('library-problems')).toBeHidden();
});

test('an unknown procedure shows a not-found page', async ({ page }) => {
  await signIn(page, demoUsers.technician.username);
  await page.goto('/procedures/no-such-procedure');
  await expect(page.getByText('Cette procédure n’existe pas dans la bibliothèque.')).toBeVisible();
  await page.getByRole('link', { name: 'Retour à la bibliothèque' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bibliothèque' })).toBeVisible();
});

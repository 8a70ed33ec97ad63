import { expect, test } from '@playwright/test';
import { demoUsers, signIn } from './support/sign-in.js';

const thisYear = new Date().getFullYear();

test('an admin reviews the seeded holidays, adds a year of statutory ones, adds and deletes one', async ({
  page,
}) => {
  await signIn(page, demoUsers.admin.username);
  await page.goto('/admin/users');
  await page
    .getByRole('navigation', { name: 'Sections d’administration' })
    .getByRole('link', { name: 'Jours fériés' })
    .click();
  await expect(page).toHaveURL(/\/admin\/holidays$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Jours fériés' })).toBeVisible();

  // The demo seeds France's statutory holidays of the current year.
  await expect(page.getByLabel('Pays')).toHaveValue('FR');
  await expect(page.getByLabel('Année', { exact: true })).toHaveValue(String(thisYear));
  await expect(page.getByTestId(`holiday-row-${thisYear}-11-11`)).toContainText('Armistice 1918');
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(12);

  // Two years ahead nothing is stored yet: one click adds the statutory ones.
  const later = thisYear + 2;
  await page.getByRole('button', { name: 'Année suivante' }).click();
  await page.getByRole('button', { name: 'Année suivante' }).click();
  await expect(page.getByText(`Aucun jour férié enregistré pour France en ${later}.`)).toBeVisible();
  await page.getByRole('button', { name: 'Ajouter les jours fériés légaux' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Jours fériés légaux ajoutés pour ${later} : 11.` }),
  ).toBeVisible();
  await expect(page.getByTestId(`holiday-row-${later}-07-14`)).toContainText('Fête nationale');

  // A holiday of one's own; the same date twice is refused beside the field.
  await page.getByRole('button', { name: 'Ajouter un jour férié' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouveau jour férié (France)' });
  await dialog.getByLabel('Date').fill(`${later}-12-24`);
  await dialog.getByLabel('Nom').fill('Veille de Noël');
  await dialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: 'Jour férié « Veille de Noël » ajouté.' }),
  ).toBeVisible();
  await expect(page.getByTestId(`holiday-row-${later}-12-24`)).toContainText('Veille de Noël');

  await page.getByRole('button', { name: 'Ajouter un jour férié' }).click();
  await dialog.getByLabel('Date').fill(`${later}-12-24`);
  await dialog.getByLabel('Nom').fill('Encore');
  await dialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(dialog.getByText('Ce jour est déjà férié dans ce pays.')).toBeVisible();
  await expect(dialog.getByLabel('Date')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Annuler' }).click();

  // Deleting asks first, then the row goes.
  await page.getByRole('button', { name: 'Supprimer Veille de Noël' }).click();
  const confirm = page.getByRole('dialog', { name: 'Supprimer le jour férié' });
  await expect(confirm).toContainText('Veille de Noël');
  await confirm.getByRole('button', { name: 'Supprimer', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Jour férié « Veille de Noël » supprimé.' }),
  ).toBeVisible();
  await expect(page.getByTestId(`holiday-row-${later}-12-24`)).toBeHidden();
});

test('the holidays page is usable on a 360 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, demoUsers.admin.username);
  await page.goto('/admin/holidays');
  await expect(page.getByTestId(`holiday-row-${thisYear}-12-25`)).toBeVisible();
  const addButton = page.getByRole('button', { name: 'Ajouter un jour férié' });
  await expect(addButton).toBeInViewport();
  const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
  expect(overflow).toBeLessThanOrEqual(0);
});

import { expect, test } from '@playwright/test';
import { apiAs, createUser, uniqueUsername, updateUser } from './support/api.js';
import { demoUsers, navigationLabels, signIn } from './support/sign-in.js';

test('an admin creates a user, who can then sign in', async ({ page }) => {
  const username = uniqueUsername('nouveau');
  await signIn(page, demoUsers.admin.username);
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Administration' })
    .click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Utilisateurs' })).toBeVisible();
  await expect(page.getByTestId('user-row-admin')).toBeVisible();

  await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvel utilisateur' });
  await dialog.getByLabel('Identifiant').fill(username);
  await dialog.getByLabel('Nom affiché').fill('Nina Nouvelle');
  await dialog.getByLabel('Rôle').selectOption({ label: 'Client (lecture seule)' });
  await dialog.getByLabel('Mot de passe').fill('court');
  await dialog.getByRole('button', { name: 'Créer l’utilisateur' }).click();

  // The shared schema, checked in the browser: errors beside their fields.
  await expect(dialog.getByLabel('Mot de passe')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Au moins 10 caractères.', { exact: true })).toBeVisible();
  await expect(dialog.getByText('Choisissez le client de cet utilisateur.')).toBeVisible();

  await dialog.getByLabel('Client').selectOption({ label: 'Novabank (NOVA)' });
  await dialog.getByLabel('Mot de passe').fill('une longue phrase de passe');
  await dialog.getByRole('button', { name: 'Créer l’utilisateur' }).click();

  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: `Utilisateur « ${username} » créé.` }),
  ).toBeVisible();
  await page.getByLabel('Rechercher').fill(username);
  const row = page.getByTestId(`user-row-${username}`);
  await expect(row).toContainText('Nina Nouvelle');
  await expect(row).toContainText('Client (lecture seule)');
  await expect(row).toContainText('Novabank');
  await expect(row).toContainText('Actif');

  await page.getByRole('button', { name: `Compte de ${demoUsers.admin.displayName}` }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await signIn(page, username, 'une longue phrase de passe');
  expect(await navigationLabels(page)).toEqual(['Tableau de bord', 'Inventaire', 'Incidents', 'Rapports']);
});

test('a user someone else changed meanwhile: the form says so and reloads the current version', async ({
  page,
  baseURL,
}) => {
  const admin = await apiAs(baseURL!, 'admin');
  const user = await createUser(admin, {
    username: uniqueUsername('concurrent'),
    displayName: 'Paul Premier',
    role: 'technician',
    tenantId: null,
    locale: 'fr',
    password: 'une phrase de passe',
  });

  await signIn(page, demoUsers.admin.username);
  await page.goto(`/admin/users?q=${user.username}`);
  await page.getByRole('button', { name: 'Modifier Paul Premier' }).click();
  const dialog = page.getByRole('dialog', { name: `Modifier l’utilisateur ${user.username}` });
  await expect(dialog.getByLabel('Nom affiché')).toHaveValue('Paul Premier');

  // Another admin saves first.
  await updateUser(admin, user.id, { version: user.version, displayName: 'Paul Second' });
  await admin.dispose();

  await dialog.getByLabel('Nom affiché').fill('Paul Troisième');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog.getByRole('alert')).toContainText('modifié par quelqu’un d’autre');
  await expect(dialog.getByLabel('Nom affiché')).toHaveValue('Paul Second');

  await dialog.getByLabel('Nom affiché').fill('Paul Troisième');
  await dialog.getByLabel('Compte actif').uncheck();
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId(`user-row-${user.username}`);
  await expect(row).toContainText('Paul Troisième');
  await expect(row).toContainText('Désactivé');
});

test('the user search says when nothing matches', async ({ page }) => {
  await signIn(page, demoUsers.admin.username);
  await page.goto('/admin/users');
  await page.getByLabel('Rechercher').fill('zzz-personne');
  await expect(page.getByText('Aucun utilisateur ne correspond à « zzz-personne ».')).toBeVisible();
});

import { expect, test, type Browser, type Page } from '@playwright/test';
import { apiAs } from './support/api.js';
import { startRun } from './support/runs.js';
import { demoUsers, signIn } from './support/sign-in.js';

/** A second browser (its own cookies and socket), signed in as another user. */
async function secondBrowser(browser: Browser, baseURL: string, username: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

const unique = (text: string) => `${text} ${Date.now().toString(36)}`;

test('a log entry appears live elsewhere; a handover is submitted, acknowledged by another coordinator, and its board flag goes', async ({
  page,
  browser,
  baseURL,
}) => {
  const api = await apiAs(baseURL!, demoUsers.coordinator.username);
  const run = await startRun(api, 'remote-hands-request');
  await api.dispose();
  await signIn(page, demoUsers.coordinator.username);
  const incoming = await secondBrowser(browser, baseURL!, demoUsers.admin.username);
  await incoming.goto('/shift');
  await expect(incoming.getByRole('heading', { level: 1, name: 'Main courante' })).toBeVisible();
  await expect(incoming.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');

  // The outgoing coordinator writes an entry; the other browser sees it without reloading.
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Main courante' })
    .click();
  await expect(page).toHaveURL(/\/shift$/);
  const text = unique('Groupe électrogène testé, RAS');
  const form = page.getByRole('form', { name: 'Ajouter à la main courante' });
  await form.getByLabel('Catégorie').selectOption({ label: 'Maintenance' });
  await form.getByLabel('Texte').fill(text);
  // A run in progress is linked from the picker; the server names it.
  await form.getByLabel('Type de lien').selectOption({ label: 'Exécution' });
  await form.getByLabel('Rechercher').fill(`#${run.id}`);
  await form.getByRole('button', { name: new RegExp(`^Lier #${run.id} `) }).click();
  await form.getByRole('button', { name: 'Ajouter à la main courante' }).click();
  await expect(page.getByText('Entrée ajoutée.')).toBeVisible();
  const seen = incoming.getByTestId('shift-entry').filter({ hasText: text });
  await expect(seen).toBeVisible({ timeout: 2000 });
  await expect(seen).toContainText('Maintenance');
  await expect(seen).toContainText(demoUsers.coordinator.displayName);
  await expect(
    seen.getByRole('link', { name: `Exécution · #${run.id} · remote-hands-request` }),
  ).toBeVisible();

  // The handover: the draft lists the shift's entry; notes added, then submitted.
  await page.getByRole('button', { name: 'Préparer la relève' }).click();
  await expect(page.getByRole('heading', { level: 4, name: /Entrées du poste/ })).toBeVisible();
  await expect(page.locator('.handover-sections')).toContainText(text);
  const notes = unique('Surveiller la CRAC-2 cette nuit');
  await page.getByLabel('Notes pour le coordinateur suivant').fill(notes);
  await page.getByRole('button', { name: 'Soumettre la relève' }).click();
  await expect(page.getByText('Relève soumise')).toBeVisible();
  // While it waits, a second handover of the site cannot be submitted; the draft says why.
  await page.getByRole('button', { name: 'Préparer la relève' }).click();
  await expect(page.getByText(/attend encore son acquittement/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Soumettre la relève' })).toBeDisabled();
  await page.getByRole('button', { name: 'Annuler', exact: true }).click();
  // The outgoing coordinator cannot acknowledge their own handover.
  const own = page.getByTestId('pending-handover').filter({ hasText: notes });
  await expect(own).toContainText('Votre relève');
  await expect(own.getByRole('button', { name: 'Acquitter la relève' })).toHaveCount(0);

  // The board flags it for everyone, live.
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Tableau de bord' })
    .click();
  const flag = page.getByTestId('pending-handovers-banner');
  await expect(flag).toBeVisible();
  await incoming.goto('/');
  await incoming
    .getByTestId('pending-handovers-banner')
    .getByRole('link', { name: 'Voir la main courante' })
    .click();
  await expect(incoming).toHaveURL(/\/shift$/);

  // The incoming coordinator reads and acknowledges it; the outgoing one's board flag disappears live.
  const pending = incoming.getByTestId('pending-handover').filter({ hasText: notes });
  await expect(pending).toContainText(demoUsers.coordinator.displayName);
  await pending.getByRole('button', { name: 'Acquitter la relève' }).click();
  await expect(pending).toHaveCount(0);
  await expect(flag).toHaveCount(0, { timeout: 2000 });
  await incoming.context().close();
});

test('the shift log page is usable at 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, demoUsers.coordinator.username);
  await page.goto('/shift');
  await expect(page.getByRole('heading', { level: 1, name: 'Main courante' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ajouter à la main courante' })).toBeInViewport();
  const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
  expect(overflow).toBeLessThanOrEqual(0);
});

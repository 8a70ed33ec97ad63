import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { pageSchema, tenantSchema, userSchema, type Tenant } from '@vigie/shared';
import { apiAs, createUser, uniqueUsername } from './support/api.js';
import { demoUsers, signIn } from './support/sign-in.js';

async function demoTenants(api: APIRequestContext): Promise<Tenant[]> {
  const response = await api.get('/api/tenants?limit=200');
  expect(response.status()).toBe(200);
  return pageSchema(tenantSchema).parse(await response.json()).items;
}

/** The first and last day of the month before this one, as local dates (the report's default). */
function lastMonth(): { from: string; to: string } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getFullYear(), now.getMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getFullYear(), now.getMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

// Reports are computed one at a time in a worker thread: under a loaded machine one can take a while.
const reportTimeout = 60_000;
test.describe.configure({ timeout: 180_000 });

/** Opens the report from the page's own pickers: the choice ends up in the URL. */
async function chooseNovabankReport(page: Page, novabank: Tenant): Promise<void> {
  await page.goto('/reports');
  await expect(page.getByRole('heading', { level: 1, name: 'Rapport de pilotage' })).toBeVisible();
  // The default is last month.
  await expect(page.getByLabel('Période', { exact: true })).toHaveValue('last-month');
  if ((await page.getByLabel('Contrat').inputValue()) !== String(novabank.id))
    await page.getByLabel('Contrat').selectOption(String(novabank.id));
  await page.getByLabel('Site', { exact: true }).selectOption({ index: 1 });
  const { from, to } = lastMonth();
  await expect(page).toHaveURL(new RegExp(`tenant=${novabank.id}&site=\\d+&from=${from}&to=${to}$`));
  await expect(page.getByTestId('report-subject')).toHaveText(/^Novabank \(NOVA\) — /, {
    timeout: reportTimeout,
  });
}

test('a manager reads a tenant’s report for last month, with the previous period, charts as tables and drill-down', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs(baseURL!, demoUsers.manager.username);
  const novabank = (await demoTenants(api)).find((tenant) => tenant.code === 'NOVA')!;
  await api.dispose();
  await signIn(page, demoUsers.manager.username);
  await chooseNovabankReport(page, novabank);
  // The choice lives in the URL: a reload shows the same report.
  await page.reload();
  await expect(page.getByTestId('report-subject')).toHaveText(/^Novabank \(NOVA\) — /, {
    timeout: reportTimeout,
  });
  await expect(page.getByLabel('Contrat')).toHaveValue(String(novabank.id));

  // Every figure carries the previous period and a worded trend.
  await expect(page.getByTestId('report-previous-period')).toContainText('du ');
  const incidentsCard = page.getByTestId('key-incidents');
  await expect(incidentsCard).toContainText('Préc. :');
  await expect(incidentsCard.locator('.report-trend__words')).toHaveText(
    /\((en hausse|en baisse|stable|sans comparaison)/,
  );
  const ttoCard = page.getByTestId('key-tto');
  await expect(ttoCard.locator('[data-assessment]')).toHaveAttribute(
    'data-assessment',
    /better|worse|neutral/,
  );

  // A chart switched to its table view shows the same weeks as an HTML table.
  const chart = page.locator('[data-chart="incidents"]');
  await expect(chart.locator('svg').first()).toBeVisible();
  const toggle = chart.getByRole('button', { name: /Vue tableau/ });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const weeks = page.getByTestId('chart-table-incidents');
  await expect(weeks.getByRole('columnheader', { name: 'P1 critique' })).toBeVisible();
  expect(await weeks.locator('tbody tr').count()).toBeGreaterThanOrEqual(4);

  // The count of incidents opened lists exactly those incidents; one of them opens its page.
  const total = page
    .getByTestId('volume-priority-table')
    .locator('tr[data-row="total"] [data-testid="current-value"]');
  const opened = Number((await total.innerText()).replace(/\D/g, ''));
  expect(opened).toBeGreaterThan(0);
  await total.getByRole('button').click();
  const dialog = page.getByRole('dialog', { name: 'Incidents ouverts' });
  await expect(dialog).toBeVisible();
  const items = dialog.locator('.report-item');
  await expect(items.first()).toBeVisible({ timeout: reportTimeout });
  if (opened > 50) {
    await dialog.getByRole('button', { name: 'Afficher plus' }).click();
    await expect(items).toHaveCount(Math.min(opened, 100), { timeout: reportTimeout });
  } else {
    await expect(items).toHaveCount(opened);
  }
  const firstIncident = items.first().getByRole('link');
  const reference = (await firstIncident.locator('.mono').innerText()).trim();
  await firstIncident.click();
  await expect(page).toHaveURL(/\/incidents\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
});

test('the manager downloads the PDF pack and a CSV table', async ({ page, baseURL }) => {
  const api = await apiAs(baseURL!, demoUsers.manager.username);
  const novabank = (await demoTenants(api)).find((tenant) => tenant.code === 'NOVA')!;
  await api.dispose();
  await signIn(page, demoUsers.manager.username);
  // A shared link opens the same report.
  const { from, to } = lastMonth();
  await page.goto(`/reports?tenant=${novabank.id}&from=${from}&to=${to}`);
  await expect(page.getByTestId('report-subject')).toHaveText('Novabank (NOVA)', { timeout: reportTimeout });

  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Télécharger le dossier PDF' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/^steering-NOVA-.*\.pdf$/);
  const pdfBytes = await readFile(await pdf.path());
  expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV — Respect des SLA' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^steering-NOVA-.*-sla\.csv$/);
  const csvText = await readFile(await csv.path(), 'utf8');
  expect(csvText.split(/\r?\n/).filter(Boolean).length).toBeGreaterThan(1);

  // Custom dates the wrong way round are refused with a message, and the report stays as it was.
  const url = page.url();
  await page.getByLabel('Période', { exact: true }).selectOption('custom');
  await page.getByLabel('Du', { exact: true }).fill('2026-10-10');
  await page.getByLabel('Au (inclus)', { exact: true }).fill('2026-10-01');
  await page.getByRole('button', { name: 'Afficher', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'La date de début doit précéder ou égaler la date de fin.',
  );
  expect(page.url()).toBe(url);
  await page.getByLabel('Au (inclus)', { exact: true }).fill('2026-10-20');
  await page.getByRole('button', { name: 'Afficher', exact: true }).click();
  await expect(page).toHaveURL(/from=2026-10-10&to=2026-10-20/);
  await expect(page.getByTestId('report-period')).toHaveText('du 10 oct. 2026 au 20 oct. 2026', {
    timeout: reportTimeout,
  });
});

test('a client viewer sees only their own tenant’s report: no picker, and another tenant is not found', async ({
  page,
  baseURL,
}) => {
  const admin = await apiAs(baseURL!, demoUsers.admin.username);
  const tenants = await demoTenants(admin);
  await admin.dispose();
  const viewerApi = await apiAs(baseURL!, demoUsers.viewer.username);
  const me = userSchema
    .pick({ tenantId: true })
    .parse(((await (await viewerApi.get('/api/auth/me')).json()) as { user: unknown }).user);
  await viewerApi.dispose();
  const own = tenants.find((tenant) => tenant.id === me.tenantId)!;
  const other = tenants.find((tenant) => tenant.id !== me.tenantId)!;

  await signIn(page, demoUsers.viewer.username);
  await page.goto('/reports');
  await expect(page.getByRole('heading', { level: 1, name: 'Rapport de pilotage' })).toBeVisible();
  await expect(page.getByTestId('report-subject')).toHaveText(`${own.name} (${own.code})`, {
    timeout: reportTimeout,
  });
  await expect(page.getByLabel('Contrat')).toHaveCount(0);
  // On a phone nothing overflows sideways (wide tables scroll inside their own box).
  await page.setViewportSize({ width: 360, height: 740 });
  await expect
    .poll(async () => Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')))
    .toBeLessThanOrEqual(0);
  await expect(page.getByRole('option', { name: 'Vue d’ensemble du site' })).toHaveCount(0);

  const { from, to } = lastMonth();
  await page.goto(`/reports?tenant=${other.id}&from=${from}&to=${to}`);
  await expect(page.getByRole('heading', { name: 'Rapport introuvable' })).toBeVisible({
    timeout: reportTimeout,
  });
  await expect(page.getByText(other.name)).toHaveCount(0);
});

test('the report speaks English once the language is switched', async ({ page, baseURL }) => {
  // A manager of its own: the language is saved in the profile, which other tests must not see change.
  const admin = await apiAs(baseURL!, demoUsers.admin.username);
  const user = await createUser(admin, {
    username: uniqueUsername('report-en'),
    displayName: 'Rémi Rapport',
    role: 'manager',
    tenantId: null,
    locale: 'fr',
    password: 'une phrase de passe',
  });
  await admin.dispose();
  await signIn(page, user.username, 'une phrase de passe');
  await page.goto('/reports');
  await expect(page.getByRole('heading', { level: 1, name: 'Rapport de pilotage' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Steering report' })).toBeVisible();
  await expect(page.getByLabel('Period', { exact: true })).toHaveValue('last-month');
  await expect(page.getByRole('heading', { name: 'SLA adherence' })).toBeVisible({ timeout: reportTimeout });
  await expect(page.getByTestId('key-incidents')).toContainText('Prev.:');
  await expect(page.locator('[data-chart="sla"]').getByRole('button', { name: /Table view/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download the PDF pack' })).toHaveAttribute('href', /lang=en/);
});

import { expect, test, type Page } from '@playwright/test';
import { shiftLogEntrySchema } from '@vigie/shared';
import { apiAs } from './support/api.js';
import { createIncident, uniqueTitle } from './support/incidents.js';
import { demoUsers, signIn } from './support/sign-in.js';
import { createDailyTaskViaApi, firstSiteTimeIn, occurrencesOf } from './support/tasks.js';

// A browser six hours behind the site: every time shown must still be the site's wall clock.
const browserZone = 'America/New_York';
const siteZone = 'Europe/Paris';

test.use({ timezoneId: browserZone });

/** A timestamp as the app writes it ('datetime' style, French), formatted by the page's own ICU. */
function shownIn(page: Page, iso: string, timeZone: string): Promise<string> {
  return page.evaluate(
    ([value, zone]) =>
      new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: zone }).format(
        new Date(value),
      ),
    [iso, timeZone] as const,
  );
}

test('a browser in another time zone shows incidents, task occurrences and the shift log on the site clock', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs(baseURL!, demoUsers.coordinator.username);
  const incident = await createIncident(api, { title: uniqueTitle('Horloge du site') });
  // A daily task 20 minutes ahead in the site's zone: its first occurrence exists at once.
  const { siteId, timeZone, time } = await firstSiteTimeIn(api, 20);
  expect(timeZone).toBe(siteZone);
  const title = uniqueTitle('Ronde fuseau');
  const task = await createDailyTaskViaApi(api, { title, siteId, time });
  await expect.poll(async () => (await occurrencesOf(api, task.id)).length).toBeGreaterThan(0);
  const [occurrence] = await occurrencesOf(api, task.id);
  if (!occurrence) throw new Error(`Task ${task.id} has no occurrence`);
  const text = uniqueTitle('Entrée fuseau');
  const logResponse = await api.post('/api/shift-log', {
    data: { siteId, category: 'event', text },
    headers: { 'Idempotency-Key': `e2e-tz-${Date.now()}` },
  });
  expect(logResponse.status(), await logResponse.text()).toBe(201);
  const entry = shiftLogEntrySchema.parse(await logResponse.json());
  await api.dispose();

  await signIn(page, demoUsers.coordinator.username);
  // The browser really is in New York, and that differs from the site's clock for these times.
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(browserZone);
  const incidentAt = await shownIn(page, incident.openedAt, siteZone);
  expect(incidentAt).not.toBe(await shownIn(page, incident.openedAt, browserZone));

  // The board names the site's zone.
  await expect(page.getByText(`(${siteZone})`)).toBeVisible();

  await page.goto(`/incidents/${incident.id}`);
  await expect(page.getByRole('heading', { level: 1, name: incident.title })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main).toContainText(incidentAt);
  await expect(main).not.toContainText(await shownIn(page, incident.openedAt, browserZone));

  await page.goto('/tasks');
  const item = page.getByTestId(`occurrence-${occurrence.id}`).first();
  const scheduledAt = await shownIn(page, occurrence.scheduledAt, siteZone);
  // The wall time the task was defined with, in the site's zone.
  expect(scheduledAt).toContain(time);
  await expect(item).toContainText(`Prévue à ${scheduledAt}`);
  await expect(item).not.toContainText(await shownIn(page, occurrence.scheduledAt, browserZone));

  await page.goto('/shift');
  const shown = page.getByTestId('shift-entry').filter({ hasText: text });
  await expect(shown.locator('time')).toHaveText(await shownIn(page, entry.at, siteZone));
});

test('on New Year’s Eve in New York it is already the next year at the site: holidays open on the site’s year', async ({
  page,
}) => {
  // 02:00 UTC on 1 January 2027: 21:00 on 31 December in New York, 03:00 on 1 January in Paris.
  await page.clock.setFixedTime(new Date('2027-01-01T02:00:00Z'));
  await signIn(page, demoUsers.admin.username);
  await page.goto('/admin/holidays');
  await expect(page.getByRole('heading', { level: 1, name: 'Jours fériés' })).toBeVisible();
  await expect(page.getByLabel('Année', { exact: true })).toHaveValue('2027');
});

import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { incidentSchema, pageSchema, rackSchema, roomSchema } from '@vigie/shared';
import { z } from 'zod';
import { axeViolations } from './support/axe-check.js';
import { myUserId, startRun } from './support/runs.js';
import { demoUsers, signInQuickly } from './support/sign-in.js';

// Each page is its own test so the two workers share the file; each checks both widths.
test.describe.configure({ mode: 'parallel', timeout: 60_000 });

const widths = [
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
] as const;

/** Runs axe (WCAG 2.0 and 2.1, levels A and AA) on the page as it is now, at each width. */
async function expectAccessible(page: Page, ready: () => Promise<void>): Promise<void> {
  const violations: string[] = [];
  for (const viewport of widths) {
    await page.setViewportSize(viewport);
    await ready();
    // Nothing still loading: axe must see the page its user reads.
    await expect(page.getByRole('status').filter({ hasText: 'Chargement' })).toHaveCount(0);
    violations.push(...(await axeViolations(page)).map((line) => `${viewport.width} px: ${line}`));
  }
  expect(violations).toEqual([]);
}

function heading(page: Page, name: string | RegExp): () => Promise<void> {
  return () => expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** The first item of a demo list, read through the API. */
async function firstItem<T extends z.ZodType>(
  api: APIRequestContext,
  url: string,
  schema: T,
): Promise<z.infer<T>> {
  const response = await api.get(url);
  expect(response.status(), await response.text()).toBe(200);
  const item = pageSchema(schema).parse(await response.json()).items[0];
  if (!item) throw new Error(`Nothing at ${url} in the demo data`);
  return item;
}

test('sign-in page', async ({ page }) => {
  await page.goto('/sign-in');
  await expectAccessible(page, heading(page, 'Connexion'));
});

const coordinatorPages = [
  { name: 'board', path: '/', heading: 'Tableau de bord' },
  { name: 'incidents list', path: '/incidents', heading: 'Incidents' },
  { name: 'racks list', path: '/inventory/racks', heading: 'Baies' },
  { name: 'devices list', path: '/inventory/devices', heading: 'Équipements' },
  { name: 'procedures', path: '/procedures', heading: 'Bibliothèque' },
  { name: 'recurring tasks', path: '/tasks', heading: 'Tâches récurrentes' },
  { name: 'shift log', path: '/shift', heading: 'Main courante' },
  { name: 'steering report', path: '/reports', heading: 'Rapport de pilotage' },
] as const;

for (const area of coordinatorPages) {
  test(`${area.name} (coordinator)`, async ({ page }) => {
    await signInQuickly(page, demoUsers.coordinator.username);
    await page.goto(area.path);
    await expectAccessible(page, heading(page, area.heading));
  });
}

test('one incident (coordinator)', async ({ page }) => {
  await signInQuickly(page, demoUsers.coordinator.username);
  const incident = await firstItem(page.request, '/api/incidents?limit=1', incidentSchema);
  await page.goto(`/incidents/${incident.id}`);
  await expectAccessible(page, heading(page, incident.title));
});

test('one rack elevation (coordinator)', async ({ page }) => {
  await signInQuickly(page, demoUsers.coordinator.username);
  const rack = await firstItem(page.request, '/api/racks?limit=1', rackSchema);
  await page.goto(`/inventory/racks/${rack.id}`);
  await expectAccessible(page, heading(page, new RegExp(rack.name)));
});

test('one floor plan (coordinator)', async ({ page }) => {
  await signInQuickly(page, demoUsers.coordinator.username);
  const room = await firstItem(page.request, '/api/rooms?limit=1', roomSchema);
  await page.goto(`/inventory/rooms/${room.id}`);
  await expectAccessible(page, heading(page, new RegExp(room.name)));
  // The tiles write another text per measure: the tenant's code is the one that differs most.
  await page.getByRole('radio', { name: 'Client' }).check();
  await expect(page.locator('[data-measure="tenant"]')).toBeVisible();
  await expectAccessible(page, heading(page, new RegExp(room.name)));
});

test('one run page (technician)', async ({ page }) => {
  await signInQuickly(page, demoUsers.technician.username);
  const run = await startRun(page.request, 'remote-hands-request', await myUserId(page.request));
  await page.goto(`/runs/${run.id}`);
  await expectAccessible(page, heading(page, run.procedure.title.fr));
});

test('users (admin)', async ({ page }) => {
  await signInQuickly(page, demoUsers.admin.username);
  await page.goto('/admin/users');
  await expectAccessible(page, heading(page, 'Utilisateurs'));
});

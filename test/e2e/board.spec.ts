import { expect, test, type Browser, type Page } from '@playwright/test';
import { floorPlanSchema, incidentSchema, pageSchema, roomSchema } from '@vigie/shared';
import { apiAs } from './support/api.js';
import { createIncident, transitionIncident, uniqueTitle } from './support/incidents.js';
import { tenantByCode } from './support/inventory.js';
import { demoUsers, signIn } from './support/sign-in.js';

const floorPlanRoomsSchema = pageSchema(roomSchema);

/** A second browser (its own cookies and socket), signed in as another user, on the board. */
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

async function expectLive(page: Page): Promise<void> {
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
}

test('an incident a technician reports appears on the coordinator’s board within a second', async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, demoUsers.coordinator.username);
  await expect(page.getByRole('heading', { level: 2, name: /Incidents ouverts/ })).toBeVisible();
  await expectLive(page);

  const technician = await secondBrowser(browser, baseURL!, demoUsers.technician.username);
  await technician.goto('/incidents/new');
  const title = uniqueTitle('Climatisation en défaut');
  await technician.getByLabel('Titre').fill(title);
  await technician.getByLabel('Impact').selectOption({ label: '2 — un client ou une baie' });
  await technician.getByLabel('Urgence').selectOption({ label: '1 — service arrêté ou données en danger' });
  await expect(technician.getByTestId('priority-preview')).toContainText('Priorité calculée : P2');
  // A technician reports but does not triage: no major-incident override.
  await expect(technician.getByLabel('Incident majeur (P0)')).toHaveCount(0);

  const answer = technician.waitForResponse(
    (response) => response.url().endsWith('/api/incidents') && response.request().method() === 'POST',
  );
  await technician.getByRole('button', { name: 'Déclarer', exact: true }).click();
  const response = await answer;
  expect(response.status()).toBe(201);
  const created = incidentSchema.parse(await response.json());
  // Sent with an Idempotency-Key, so a retry after a lost answer cannot report it twice.
  expect(response.request().headers()['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);

  // Measured from the API answer: the live event and the refetch land within a second.
  const card = page.getByTestId(`board-incident-${created.reference}`);
  await expect(card).toBeVisible({ timeout: 1000 });
  await expect(card).toContainText(title);
  await expect(card).toContainText('Nouveau');
  await expect(card).toContainText('P2 haute');
  await expect(card).toContainText('Prise en compte');

  await expect(technician.getByRole('heading', { level: 1 })).toContainText(created.reference);
  await technician.context().close();
});

test('a board that loses its connection says so, then catches up with nothing missed and nothing doubled', async ({
  page,
  context,
  baseURL,
}) => {
  const admin = await apiAs(baseURL!, demoUsers.admin.username);
  const before = await createIncident(admin, { title: uniqueTitle('Avant coupure'), impact: 2, urgency: 2 });
  await signIn(page, demoUsers.coordinator.username);
  const beforeCard = page.getByTestId(`board-incident-${before.reference}`);
  await expect(beforeCard).toHaveAttribute('data-status', 'new');
  await expectLive(page);

  await context.setOffline(true);
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'offline');
  await expect(page.getByTestId('board-offline')).toContainText('Connexion temps réel perdue');

  // While the board is offline: one incident is reported, another is acknowledged.
  const during = await createIncident(admin, {
    title: uniqueTitle('Pendant coupure'),
    impact: 2,
    urgency: 2,
  });
  await transitionIncident(admin, before.id, { to: 'acknowledged', version: before.version });
  await admin.dispose();
  await expect(page.getByTestId(`board-incident-${during.reference}`)).toHaveCount(0);
  await expect(beforeCard).toHaveAttribute('data-status', 'new');

  await context.setOffline(false);
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected', {
    timeout: 20_000,
  });
  await expect(page.getByTestId(`board-incident-${during.reference}`)).toHaveCount(1);
  await expect(beforeCard).toHaveAttribute('data-status', 'acknowledged');
  await expect(page.getByTestId(`board-incident-${before.reference}`)).toHaveCount(1);
  await expect(page.getByTestId('board-offline')).toHaveCount(0);
});

test('a coordinator acknowledges from the board and a technician’s board shows it at once', async ({
  page,
  browser,
  baseURL,
}) => {
  const admin = await apiAs(baseURL!, demoUsers.admin.username);
  const incident = await createIncident(admin, {
    title: uniqueTitle('Onduleur sur batterie'),
    impact: 1,
    urgency: 2,
  });
  await admin.dispose();

  await signIn(page, demoUsers.coordinator.username);
  const technician = await secondBrowser(browser, baseURL!, demoUsers.technician.username);
  const techCard = technician.getByTestId(`board-incident-${incident.reference}`);
  await expect(techCard).toHaveAttribute('data-status', 'new');
  // Technicians see the board but cannot triage.
  await expect(techCard.getByRole('button')).toHaveCount(0);
  await expectLive(technician);

  const card = page.getByTestId(`board-incident-${incident.reference}`);
  await card.getByRole('button', { name: 'Prendre en compte' }).click();
  await expect(page.getByTestId('board-notice')).toContainText(`${incident.reference} : Pris en compte.`);
  await expect(card).toHaveAttribute('data-status', 'acknowledged');

  await expect(techCard).toHaveAttribute('data-status', 'acknowledged');
  await expect(techCard).toContainText('Pris en compte');
  await expect(techCard).toContainText(`Assigné à : ${demoUsers.coordinator.displayName}`);
  // The clock that matters is now the time to restore.
  await expect(techCard).toContainText('Rétablissement');
  await technician.context().close();
});

test('a coordinator sets the priority and takes an incident from the board', async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!, demoUsers.admin.username);
  const incident = await createIncident(admin, {
    title: uniqueTitle('Température haute'),
    impact: 3,
    urgency: 3,
  });
  await admin.dispose();
  await signIn(page, demoUsers.coordinator.username);
  const card = page.getByTestId(`board-incident-${incident.reference}`);
  await expect(card).toContainText('P4 basse');

  await card.getByRole('button', { name: 'Priorité…' }).click();
  const dialog = page.getByRole('dialog', { name: `Priorité de ${incident.reference}` });
  await dialog.getByLabel('Impact').selectOption({ label: '1 — plusieurs clients ou une salle' });
  await dialog.getByLabel('Urgence').selectOption({ label: '2 — service dégradé' });
  await expect(dialog.getByTestId('priority-preview')).toContainText('Priorité calculée : P2');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('board-notice')).toContainText(`${incident.reference} : priorité P2.`);
  await expect(card).toContainText('P2 haute');

  await card.getByRole('button', { name: 'M’assigner' }).click();
  await expect(card).toContainText(`Assigné à : ${demoUsers.coordinator.displayName}`);
  await expect(card.getByRole('button', { name: 'M’assigner' })).toHaveCount(0);
});

test('when someone else acknowledged first, the board says who and shows the current state', async ({
  page,
  baseURL,
}) => {
  const admin = await apiAs(baseURL!, demoUsers.admin.username);
  const incident = await createIncident(admin, { title: uniqueTitle('Fuite d’eau'), impact: 2, urgency: 1 });
  await signIn(page, demoUsers.coordinator.username);
  const card = page.getByTestId(`board-incident-${incident.reference}`);
  await expect(card).toHaveAttribute('data-status', 'new');

  // The other coordinator's acknowledgement reaches the server just before this one.
  await page.route(`**/api/incidents/${incident.id}/transitions`, async (route) => {
    await transitionIncident(admin, incident.id, { to: 'acknowledged', version: incident.version });
    await route.continue();
  });
  const answer = page.waitForResponse((response) =>
    response.url().endsWith(`/api/incidents/${incident.id}/transitions`),
  );
  await card.getByRole('button', { name: 'Prendre en compte' }).click();
  expect((await answer).status()).toBe(409);

  await expect(page.getByTestId('board-notice')).toContainText(
    `${incident.reference} a été modifié entre-temps par ${demoUsers.admin.displayName} (maintenant : Pris en compte).`,
  );
  await expect(card).toHaveAttribute('data-status', 'acknowledged');
  await expect(card.getByRole('button', { name: 'Prendre en compte' })).toHaveCount(0);
  await admin.dispose();
});

test('a client viewer’s board shows only their tenant’s incidents, read only, live', async ({
  page,
  baseURL,
}) => {
  const admin = await apiAs(baseURL!, demoUsers.admin.username);
  const nova = await tenantByCode(admin, 'NOVA');
  const helio = await tenantByCode(admin, 'HELIO');
  const own = await createIncident(admin, { title: uniqueTitle('Baie Novabank'), tenantIds: [nova.id] });
  const other = await createIncident(admin, { title: uniqueTitle('Baie Helio'), tenantIds: [helio.id] });

  await signIn(page, demoUsers.viewer.username);
  await expect(page.getByTestId(`board-incident-${own.reference}`)).toBeVisible();
  await expect(page.getByText('Tableau en lecture seule.')).toBeVisible();
  await expect(page.getByTestId(`board-incident-${own.reference}`).getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Déclarer un incident' })).toHaveCount(0);
  await expect(page.getByTestId(`board-incident-${other.reference}`)).toHaveCount(0);
  await expectLive(page);

  // Live too: another tenant's new incident never arrives, the viewer's own does (and it came after).
  const otherLater = await createIncident(admin, {
    title: uniqueTitle('Helio encore'),
    tenantIds: [helio.id],
  });
  const ownLater = await createIncident(admin, {
    title: uniqueTitle('Novabank encore'),
    tenantIds: [nova.id],
  });
  await admin.dispose();
  await expect(page.getByTestId(`board-incident-${ownLater.reference}`)).toBeVisible();
  await expect(page.getByTestId(`board-incident-${otherLater.reference}`)).toHaveCount(0);

  await page.goto(`/incidents/${other.id}`);
  await expect(page.getByText('Cet incident n’existe pas ou ne vous est pas visible.')).toBeVisible();
});

test('at 360 px the board fits the screen, and the arrival sound choice stays on the device', async ({
  page,
  baseURL,
}) => {
  const admin = await apiAs(baseURL!, demoUsers.admin.username);
  const incident = await createIncident(admin, { title: uniqueTitle('Téléphone'), impact: 1, urgency: 1 });
  await admin.dispose();
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, demoUsers.coordinator.username);
  const card = page.getByTestId(`board-incident-${incident.reference}`);
  await expect(card.getByRole('button', { name: 'Prendre en compte' })).toBeVisible();
  // A string expression: the e2e project is typed for Node, without the DOM library.
  expect(
    Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')),
  ).toBeLessThanOrEqual(0);

  const sound = page.getByLabel('Son à l’arrivée d’un incident');
  await expect(sound).not.toBeChecked();
  await sound.check();
  await page.reload();
  await expect(page.getByLabel('Son à l’arrivée d’un incident')).toBeChecked();
});

test('the rooms panel shows each room at a glance and a rack with a new incident to watch, live', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs(baseURL!, demoUsers.coordinator.username);
  const rooms = floorPlanRoomsSchema.parse(await (await api.get('/api/rooms?limit=200')).json()).items;
  const room = rooms[0]!;
  const plan = floorPlanSchema.parse(await (await api.get(`/api/rooms/${room.id}/floor-plan`)).json());
  const quiet = plan.racks.find(
    (rack) => rack.status === 'active' && rack.openIncidents === 0 && (rack.powerPercent ?? 0) < 80,
  )!;

  await signIn(page, demoUsers.coordinator.username);
  await expectLive(page);
  const panel = page.getByTestId(`room-status-${room.id}`);
  await expect(panel.getByRole('link', { name: room.name })).toBeVisible();
  await expect(panel.getByText('Puissance allouée')).toBeVisible();
  const watched = panel.getByRole('list', { name: `Baies à surveiller dans ${room.name}` });
  await expect(watched.getByRole('link', { name: quiet.name, exact: true })).toHaveCount(0);

  // Three at once: a rack with the most open incidents heads its room's list.
  for (const n of [1, 2, 3]) {
    await createIncident(api, {
      title: uniqueTitle(`Rooms panel ${n}`),
      siteId: room.siteId,
      roomId: room.id,
      rackIds: [quiet.rackId],
    });
  }
  const entry = watched
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: quiet.name, exact: true }) });
  await expect(entry).toContainText('3 incidents ouverts');
  await entry.getByRole('link', { name: quiet.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/inventory/racks/${quiet.rackId}$`));
  await api.dispose();
});

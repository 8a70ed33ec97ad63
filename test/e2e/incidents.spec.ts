import { expect, test, type APIRequestContext } from '@playwright/test';
import { pageSchema, roomSchema, type Room } from '@vigie/shared';
import { apiAs } from './support/api.js';
import { createIncident, transitionIncident, uniqueTitle, updateIncident } from './support/incidents.js';
import { createDevice, createRack, deviceTypeBySlug, uniqueName } from './support/inventory.js';
import { demoUsers, signIn } from './support/sign-in.js';

async function firstRoom(api: APIRequestContext): Promise<Room> {
  const response = await api.get('/api/rooms', { params: { limit: 1 } });
  expect(response.status()).toBe(200);
  const room = pageSchema(roomSchema).parse(await response.json()).items[0];
  if (!room) throw new Error('No room in the demo data');
  return room;
}

test('a coordinator reports an incident on a device, works it to pending with a reason, and adds a note', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs(baseURL!, demoUsers.coordinator.username);
  const room = await firstRoom(api);
  const rack = await createRack(api, {
    roomId: room.id,
    name: uniqueName('E2E-INC'),
    rowLabel: 'Z',
    powerBudgetKw: 10,
    maxWeightKg: 1000,
    tenantId: null,
  });
  const device = await createDevice(api, {
    name: `${rack.name}-SRV`,
    deviceTypeId: (await deviceTypeBySlug(api, 'dell-poweredge-r750')).id,
    rackId: rack.id,
    position: 20,
    face: 'front',
  });
  await api.dispose();

  await signIn(page, demoUsers.coordinator.username);
  await page.getByRole('link', { name: 'Déclarer un incident' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Déclarer un incident' })).toBeVisible();
  const title = uniqueTitle('Serveur injoignable');
  await page.getByLabel('Titre').fill(title);
  await page.getByLabel('Description').fill('Plus de réponse au ping depuis 10 h 12.');
  await page.getByLabel('Impact').selectOption({ label: '3 — un équipement, sans impact client' });
  await page.getByLabel('Urgence').selectOption({ label: '2 — service dégradé' });
  await expect(page.getByTestId('priority-preview')).toContainText('Priorité calculée : P4');
  await page.getByLabel('Incident majeur (P0)').check();
  await expect(page.getByTestId('priority-preview')).toContainText('Priorité calculée : P0');
  await page.getByLabel('Incident majeur (P0)').uncheck();
  await page.getByLabel('Rechercher — Équipements').fill(device.name);
  await page.getByRole('button', { name: `Ajouter ${device.name}` }).click();
  await expect(page.getByRole('button', { name: `Retirer ${device.name}` })).toBeVisible();
  await page.getByRole('button', { name: 'Déclarer', exact: true }).click();

  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText(title);
  await expect(page.getByText(/Incident INC-\d{6,} déclaré\./)).toBeVisible();
  const reference = (await heading.textContent())?.match(/INC-\d+/)?.[0];
  expect(reference).toBeTruthy();

  // The affected device links to the inventory, and the rack elevation picks it out.
  await expect(page.getByRole('link', { name: device.name, exact: true })).toHaveAttribute(
    'href',
    `/inventory/devices/${device.id}`,
  );
  await expect(page.getByTestId(`elevation-device-${device.id}`).first()).toHaveAttribute(
    'aria-label',
    /\(touché\)$/,
  );

  const actions = page.getByRole('group', { name: 'Actions' });
  await expect(actions.getByRole('button')).toHaveText([
    'Prendre en compte',
    'Annuler l’incident',
    'Modifier',
  ]);
  await actions.getByRole('button', { name: 'Prendre en compte' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Prendre en compte' }).click();
  await expect(page.getByText(`${reference} : Pris en compte.`)).toBeVisible();
  await expect(page.getByTestId('incident-assignee')).toHaveText(demoUsers.coordinator.displayName);

  await actions.getByRole('button', { name: 'Démarrer' }).click();
  await dialog.getByRole('button', { name: 'Démarrer' }).click();
  await expect(page.getByText(`${reference} : En cours.`)).toBeVisible();

  // Pending needs a reason: refused without one, accepted with it.
  await actions.getByRole('button', { name: 'Mettre en attente' }).click();
  await dialog.getByLabel('Commentaire').fill('Pièce commandée chez Dell');
  await dialog.getByRole('button', { name: 'Mettre en attente' }).click();
  await expect(dialog.getByText('Ce champ est obligatoire.')).toBeVisible();
  await dialog.getByLabel('Motif d’attente').selectOption({ label: 'Fournisseur' });
  await dialog.getByRole('button', { name: 'Mettre en attente' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${reference} : En attente.`)).toBeVisible();
  await expect(page.locator('.incident-header__badges')).toContainText('En attente');
  await expect(page.getByTestId('sla-clocks')).toContainText('En pause');

  const timeline = page.getByTestId('incident-timeline');
  await expect(timeline).toContainText('Incident déclaré');
  await expect(timeline).toContainText('Statut : En cours → En attente');
  await expect(timeline).toContainText('Motif d’attente : Fournisseur');
  await expect(timeline).toContainText('Pièce commandée chez Dell');

  await page.getByLabel('Ajouter une note').fill('Livraison prévue demain matin.');
  await page.getByRole('button', { name: 'Ajouter une note' }).click();
  await expect(timeline).toContainText('Livraison prévue demain matin.');
  await expect(page.getByLabel('Ajouter une note')).toHaveValue('');
  // Notes are internal unless marked visible to the client.
  const internal = timeline.locator('.timeline__entry--note', { hasText: 'Livraison prévue demain matin.' });
  await expect(internal).not.toContainText('Visible par le client');

  await page.getByLabel('Ajouter une note').fill('Intervention planifiée demain à 9 h.');
  await page.getByLabel('Visible par le client').check();
  const sent = page.waitForRequest(
    (request) => request.url().endsWith('/notes') && request.method() === 'POST',
  );
  await page.getByRole('button', { name: 'Ajouter une note' }).click();
  expect((await sent).postDataJSON()).toMatchObject({ clientVisible: true });
  const shared = timeline.locator('.timeline__entry--note', {
    hasText: 'Intervention planifiée demain à 9 h.',
  });
  await expect(shared).toContainText('Visible par le client');
  await expect(page.getByLabel('Visible par le client')).not.toBeChecked();
});

test('a transition refused as stale names who changed the incident and keeps what was typed', async ({
  page,
  baseURL,
}) => {
  const admin = await apiAs(baseURL!, demoUsers.admin.username);
  let incident = await createIncident(admin, {
    title: uniqueTitle('Alarme incendie'),
    impact: 2,
    urgency: 2,
  });
  incident = await transitionIncident(admin, incident.id, { to: 'acknowledged', version: incident.version });
  incident = await transitionIncident(admin, incident.id, { to: 'in_progress', version: incident.version });

  await signIn(page, demoUsers.coordinator.username);
  await page.goto(`/incidents/${incident.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(incident.reference);
  await page
    .getByRole('group', { name: 'Actions' })
    .getByRole('button', { name: 'Mettre en attente' })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Motif d’attente').selectOption({ label: 'Accès' });
  await dialog.getByLabel('Commentaire').fill('Badge client expiré');

  // Meanwhile someone else edits the incident.
  await updateIncident(admin, incident.id, {
    version: incident.version,
    title: `${incident.title} (bâtiment B)`,
  });
  await admin.dispose();
  await dialog.getByRole('button', { name: 'Mettre en attente' }).click();
  await expect(dialog.getByRole('alert').first()).toContainText(
    `${incident.reference} a été modifié entre-temps par ${demoUsers.admin.displayName} (maintenant : En cours).`,
  );
  await expect(dialog.getByLabel('Motif d’attente')).toHaveValue('access');
  await expect(dialog.getByLabel('Commentaire')).toHaveValue('Badge client expiré');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('(bâtiment B)');

  // Submitted again, against the current version: accepted.
  await dialog.getByRole('button', { name: 'Mettre en attente' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${incident.reference} : En attente.`)).toBeVisible();
});

test('the incidents list finds closed and open incidents by search, and opens one', async ({
  page,
  baseURL,
}) => {
  const admin = await apiAs(baseURL!, demoUsers.admin.username);
  const title = uniqueTitle('Liste');
  const open = await createIncident(admin, { title: `${title} ouvert` });
  let cancelled = await createIncident(admin, { title: `${title} annulé` });
  cancelled = await transitionIncident(admin, cancelled.id, {
    to: 'cancelled',
    version: cancelled.version,
    cancellationReason: 'false_positive',
  });
  await admin.dispose();

  await signIn(page, demoUsers.technician.username);
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Incidents' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
  await page.getByLabel('Rechercher').fill(title);
  await expect(page.getByTestId(`incident-row-${open.reference}`)).toContainText('Nouveau');
  await expect(page.getByTestId(`incident-row-${cancelled.reference}`)).toContainText('Annulé');

  await page.getByLabel('Ouverts / terminés').selectOption({ label: 'Terminés seulement' });
  await expect(page).toHaveURL(/open=finished/);
  await expect(page.getByTestId(`incident-row-${open.reference}`)).toHaveCount(0);
  await expect(page.getByTestId(`incident-row-${cancelled.reference}`)).toBeVisible();

  await page.getByRole('link', { name: cancelled.reference }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(cancelled.reference);
  // A technician reads but does not triage: no transition buttons.
  await expect(page.getByRole('group', { name: 'Actions' })).toHaveCount(0);
});

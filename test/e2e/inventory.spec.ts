import { expect, test } from '@playwright/test';
import { pageSchema, rackSchema } from '@vigie/shared';
import { apiAs } from './support/api.js';
import { createIncident, uniqueTitle } from './support/incidents.js';
import {
  createDevice,
  createRack,
  createRoomBesideSalleA,
  deviceTypeBySlug,
  freeTile,
  roomNamed,
  tenantByCode,
  uniqueName,
} from './support/inventory.js';
import { demoUsers, signIn } from './support/sign-in.js';

test('a coordinator opens a rack and sees its elevation, front and rear, then opens a device', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs(baseURL!, 'coordinator');
  const room = await roomNamed(api, 'Salle A');
  const nova = await tenantByCode(api, 'NOVA');
  const rack = await createRack(api, {
    roomId: room.id,
    name: uniqueName('E2E-ELEV'),
    rowLabel: 'Z',
    powerBudgetKw: 20,
    maxWeightKg: 1200,
    tenantId: null,
  });
  const server = await createDevice(api, {
    name: `${rack.name}-SRV`,
    deviceTypeId: (await deviceTypeBySlug(api, 'dell-poweredge-r750')).id,
    rackId: rack.id,
    position: 10,
    face: 'front',
    tenantId: nova.id,
  });
  await createDevice(api, {
    name: `${rack.name}-PP`,
    deviceTypeId: (await deviceTypeBySlug(api, 'panduit-cp24bly')).id,
    rackId: rack.id,
    position: 40,
    face: 'rear',
  });
  await createDevice(api, {
    name: `${rack.name}-PDU`,
    deviceTypeId: (await deviceTypeBySlug(api, 'apc-ap8941')).id,
    rackId: rack.id,
    position: null,
    face: 'rear',
  });
  await api.dispose();

  await signIn(page, demoUsers.coordinator.username);
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Inventaire' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Baies' })).toBeVisible();
  await page.getByLabel('Rechercher').fill(rack.name);
  await page.getByTestId(`rack-row-${rack.name}`).getByRole('link', { name: rack.name }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Baie ${rack.name}` })).toBeVisible();
  const front = page.getByTestId('elevation-front');
  const rear = page.getByTestId('elevation-rear');
  await expect(front).toContainText('Face avant');
  await expect(rear).toContainText('Face arrière');
  // Front: the 2U server, labelled with its name, type, tenant, units and status.
  await expect(
    front.getByRole('link', {
      name: `${rack.name}-SRV, Dell PowerEdge R750, Novabank (client), U10–U11, Actif`,
      exact: true,
    }),
  ).toBeVisible();
  await expect(front.getByRole('link', { name: new RegExp(`^${rack.name}-PP,`) })).toHaveCount(0);
  // Rear: the half-depth patch panel, the full-depth server seen from behind, and the zero-U PDU beside the rack.
  await expect(rear.getByRole('link', { name: new RegExp(`^${rack.name}-PP, .*U40,`) })).toBeVisible();
  await expect(
    rear.getByRole('link', { name: new RegExp(`^${rack.name}-SRV, .*monté sur l’autre face`) }),
  ).toBeVisible();
  await expect(rear.getByRole('link', { name: new RegExp(`^${rack.name}-PDU, .*0U`) })).toBeVisible();
  // 42 U, 2 taken by the server (both faces), 1 more by the panel at the rear.
  await expect(front).toContainText('40 U libres');
  await expect(rear).toContainText('39 U libres');

  // The table alternative says the same.
  await page.getByText('Afficher en tableau').click();
  const table = page.getByRole('table', { name: `Équipements de la baie ${rack.name}, par face` });
  await expect(table.getByRole('row', { name: new RegExp(`Avant U10–U11 ${rack.name}-SRV`) })).toBeVisible();

  // Keyboard: the device block is a link that Enter follows.
  await front.getByRole('link', { name: new RegExp(`^${rack.name}-SRV,`) }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/inventory/devices/${server.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Équipement ${rack.name}-SRV` })).toBeVisible();
  await expect(page.getByText('PowerEdge R750')).toBeVisible();
  await page.getByRole('link', { name: `Ouvrir la baie ${rack.name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Baie ${rack.name}` })).toBeVisible();
});

test('a coordinator opens a room floor plan, switches the measure, and follows a rack to its elevation', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs(baseURL!, 'coordinator');
  const room = await roomNamed(api, 'Salle A');
  const rack = await createRack(api, {
    roomId: room.id,
    name: uniqueName('E2E-PLAN'),
    rowLabel: 'Z',
    powerBudgetKw: 10,
    maxWeightKg: 1200,
    tenantId: null,
  });

  await signIn(page, demoUsers.coordinator.username);
  await page.goto('/inventory/rooms');
  await page.getByRole('link', { name: 'Salle A', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Salle A' })).toBeVisible();

  const plan = page.getByTestId('floor-plan');
  const legend = page.getByTestId('floor-plan-legend');
  await expect(legend.getByRole('heading')).toHaveText('Légende : U occupés (%)');
  await expect(legend).toContainText('moins de 60 %');
  const tile = plan.getByRole('link', { name: new RegExp(`^Baie ${rack.name} :`) });
  await expect(tile).toHaveAccessibleName(`Baie ${rack.name} : 0 %. Ouvrir l’élévation.`);

  await page.getByRole('radio', { name: 'Client' }).check();
  await expect(plan).toHaveAttribute('data-measure', 'tenant');
  await expect(legend.getByRole('heading')).toHaveText('Légende : Client');
  await expect(legend).toContainText('Novabank');
  await expect(legend).toContainText('Baie partagée');
  await expect(legend).not.toContainText('moins de 60 %');
  await expect(page).toHaveURL(/measure=tenant/);

  await page.getByRole('radio', { name: 'Puissance allouée / budget (%)' }).check();
  await expect(legend.getByRole('heading')).toHaveText('Légende : Puissance allouée / budget (%)');

  // Live: a device racked elsewhere shows on the open plan, without a reload.
  await page.getByRole('radio', { name: 'U occupés (%)' }).check();
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
  await createDevice(api, {
    name: `${rack.name}-SRV`,
    deviceTypeId: (await deviceTypeBySlug(api, 'netapp-aff-a400')).id,
    rackId: rack.id,
    position: 1,
    face: 'front',
  });
  // 4 U of 42.
  await expect(tile).toHaveAccessibleName(`Baie ${rack.name} : 10 %. Ouvrir l’élévation.`);

  // Open incidents: an incident reported on the rack shows on the open plan, live.
  await page.getByRole('radio', { name: 'Incidents ouverts' }).check();
  await expect(plan).toHaveAttribute('data-measure', 'incidents');
  await expect(legend.getByRole('heading')).toHaveText('Légende : Incidents ouverts');
  await expect(tile).toHaveAccessibleName(`Baie ${rack.name} : 0 incident(s) ouvert(s). Ouvrir l’élévation.`);
  await createIncident(api, { title: uniqueTitle('E2E plan'), rackIds: [rack.id] });
  await api.dispose();
  await expect(tile).toHaveAccessibleName(`Baie ${rack.name} : 1 incident(s) ouvert(s). Ouvrir l’élévation.`);

  await tile.click();
  await expect(page).toHaveURL(new RegExp(`/inventory/racks/${rack.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Baie ${rack.name}` })).toBeVisible();
  await expect(
    page.getByTestId('elevation-front').getByRole('link', { name: new RegExp(`^${rack.name}-SRV,`) }),
  ).toBeVisible();
});

test('a placement search lists candidate racks, best first, linking to their elevation', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs(baseURL!, 'coordinator');
  const room = await roomNamed(api, 'Salle B');
  const kore = await tenantByCode(api, 'KORE');
  // An empty rack of the tenant with a large budget: the only place 41 U fit (a reserved rack's
  // cabling leaves 40).
  const rack = await createRack(api, {
    roomId: room.id,
    name: uniqueName('E2E-PLACE'),
    rowLabel: 'Z',
    powerBudgetKw: 30,
    maxWeightKg: 1500,
    tenantId: kore.id,
  });
  await api.dispose();

  await signIn(page, demoUsers.coordinator.username);
  await page.goto('/inventory');
  await page
    .getByRole('navigation', { name: 'Sections de l’inventaire' })
    .getByRole('link', { name: 'Placement' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Recherche de placement' })).toBeVisible();

  // The shared schema checks the form before anything is sent.
  await page.getByLabel('Hauteur (U)').fill('1.3');
  await page.getByRole('button', { name: 'Chercher' }).click();
  await expect(page.getByLabel('Hauteur (U)')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Hauteur (U)').fill('41');
  await page.getByLabel('Consommation (W)').fill('2000');
  await page.getByLabel('Pour le client').selectOption({ label: 'Kore Cloud (KORE)' });
  await page.getByRole('button', { name: 'Chercher' }).click();

  const results = page.getByRole('table', { name: 'Baies candidates, les meilleures d’abord' });
  const first = results.getByTestId('placement-result').first();
  await expect(first).toContainText(rack.name);
  await expect(first).toContainText('Kore Cloud');
  await expect(first).toContainText('U1–U41');
  await first.getByRole('link', { name: `Voir l’élévation de ${rack.name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Baie ${rack.name}` })).toBeVisible();
});

test('a client viewer sees only the racks and devices of their own tenant', async ({ page, baseURL }) => {
  const api = await apiAs(baseURL!, 'coordinator');
  const helio = await tenantByCode(api, 'HELIO');
  const nova = await tenantByCode(api, 'NOVA');
  const response = await api.get('/api/racks', { params: { tenantId: helio.id, limit: 1 } });
  const otherRack = pageSchema(rackSchema).parse(await response.json()).items[0];
  if (!otherRack) throw new Error('The demo data has no rack of Helio Retail');
  // A shared rack holding one device of theirs and one of another tenant.
  const shared = await createRack(api, {
    roomId: (await roomNamed(api, 'Salle B')).id,
    name: uniqueName('E2E-SHARED'),
    rowLabel: 'Z',
    powerBudgetKw: 20,
    maxWeightKg: 1000,
    tenantId: null,
  });
  const own = await createDevice(api, {
    name: `${shared.name}-NOVA`,
    deviceTypeId: (await deviceTypeBySlug(api, 'dell-poweredge-r750')).id,
    rackId: shared.id,
    position: 10,
    face: 'front',
    tenantId: nova.id,
  });
  const foreign = await createDevice(api, {
    name: `${shared.name}-HELIO`,
    deviceTypeId: (await deviceTypeBySlug(api, 'dell-poweredge-r650')).id,
    rackId: shared.id,
    position: 20,
    face: 'front',
    tenantId: helio.id,
  });
  await api.dispose();

  await signIn(page, demoUsers.viewer.username);
  await page.goto('/inventory/racks');
  const rackRows = page.getByRole('table', { name: 'Liste des baies' }).locator('tbody tr');
  await expect(rackRows.first()).toBeVisible();
  const rackTenants = await rackRows.locator('td:nth-child(4)').allTextContents();
  expect(rackTenants.length).toBeGreaterThan(0);
  // Their own racks, and shared racks that hold one of their devices.
  expect(new Set(rackTenants).has('Novabank')).toBe(true);
  expect(
    [...new Set(rackTenants)].filter((tenant) => tenant !== 'Novabank' && tenant !== 'Partagée'),
  ).toEqual([]);
  // The tenant filter offers their tenant only.
  const tenantOptions = await page.getByLabel('Client').locator('option').allTextContents();
  expect(tenantOptions).toEqual(['Tous', 'Novabank']);

  await page
    .getByRole('navigation', { name: 'Sections de l’inventaire' })
    .getByRole('link', { name: 'Équipements' })
    .click();
  const deviceRows = page.getByRole('table', { name: 'Liste des équipements' }).locator('tbody tr');
  await expect(deviceRows.first()).toBeVisible();
  const deviceTenants = await deviceRows.locator('td:nth-child(5)').allTextContents();
  expect(new Set(deviceTenants)).toEqual(new Set(['Novabank']));

  // Their own rack's elevation shows their devices only.
  await page.goto('/inventory/racks');
  await rackRows.first().getByRole('link').first().click();
  await expect(page.getByTestId('elevation-front')).toBeVisible();
  const blocks = await page
    .getByTestId(/^elevation-(front|rear)$/)
    .getByRole('link')
    .all();
  expect(blocks.length).toBeGreaterThan(0);
  for (const block of blocks) expect(await block.getAttribute('aria-label')).toContain('Novabank (client)');

  // From their device to the shared rack it sits in: their device, the rest as hidden space.
  await page.goto(`/inventory/devices/${own.id}`);
  await page.getByRole('link', { name: `Ouvrir la baie ${shared.name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Baie ${shared.name}` })).toBeVisible();
  const front = page.getByTestId('elevation-front');
  await expect(front.getByRole('link', { name: new RegExp(`^${own.name},`) })).toBeVisible();
  await expect(front).toContainText('Occupé (autre client)');
  await expect(page.getByText(foreign.name)).toHaveCount(0);
  await expect(page.getByTestId('capacity')).toBeVisible();

  // Another tenant's rack does not exist for them.
  await page.goto(`/inventory/racks/${otherRack.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
});

test('a coordinator adds a device to a rack: an overlap is refused beside the position, a free place works', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs(baseURL!, 'coordinator');
  const room = await roomNamed(api, 'Salle B');
  const rack = await createRack(api, {
    roomId: room.id,
    name: uniqueName('E2E-FORM'),
    rowLabel: 'Z',
    powerBudgetKw: 20,
    maxWeightKg: 1200,
    tenantId: null,
  });
  const existing = await createDevice(api, {
    name: `${rack.name}-OLD`,
    deviceTypeId: (await deviceTypeBySlug(api, 'dell-poweredge-r750')).id,
    rackId: rack.id,
    position: 10,
    face: 'front',
  });

  await signIn(page, demoUsers.coordinator.username);
  await page.goto(`/inventory/racks/${rack.id}`);
  await page.getByRole('button', { name: 'Ajouter un équipement' }).click();
  const dialog = page.getByRole('dialog', { name: `Nouvel équipement dans la baie ${rack.name}` });
  await dialog.getByLabel('Nom').fill(`${rack.name}-NEW`);
  await dialog.getByLabel('Type').selectOption({ label: 'Dell PowerEdge R650 (1 U)' });
  await dialog.getByLabel('Position').fill('11');
  await dialog.getByRole('button', { name: 'Créer l’équipement' }).click();

  // 409: the full-depth R750 at U10–U11 is in the way; said beside the position field.
  const position = dialog.getByLabel('Position');
  await expect(position).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText(/^Position déjà occupée\./).first()).toBeVisible();
  await expect(dialog.getByText(new RegExp(`${existing.name}`)).first()).toBeVisible();

  await position.fill('20');
  await dialog.getByRole('button', { name: 'Créer l’équipement' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: `Équipement « ${rack.name}-NEW » créé.` }),
  ).toBeVisible();
  await expect(
    page.getByTestId('elevation-front').getByRole('link', { name: new RegExp(`^${rack.name}-NEW, .*U20,`) }),
  ).toBeVisible();

  // Someone else edits the old device meanwhile: the form says so and shows their version.
  await page
    .getByTestId('elevation-front')
    .getByRole('link', { name: new RegExp(`^${existing.name},`) })
    .click();
  await page.getByRole('button', { name: 'Modifier' }).click();
  const edit = page.getByRole('dialog', { name: `Modifier l’équipement ${existing.name}` });
  await expect(edit.getByLabel('Position')).toHaveValue('10');
  const response = await api.patch(`/api/devices/${existing.id}`, {
    data: { version: existing.version, serial: 'SN-OTHER-HAND' },
  });
  expect(response.status()).toBe(200);
  await api.dispose();
  await edit.getByLabel('Statut').selectOption({ label: 'En panne' });
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(edit.getByRole('alert').first()).toContainText('modifié par quelqu’un d’autre');
  await expect(edit.getByLabel('N° de série')).toHaveValue('SN-OTHER-HAND');
  await edit.getByLabel('Statut').selectOption({ label: 'En panne' });
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(edit).toBeHidden();
  await expect(page.locator('.facts').first()).toContainText('En panne');
});

test('a coordinator imports device-type library files and sees the outcome of each file', async ({
  page,
}) => {
  const slug = uniqueName('e2e-box').toLowerCase();
  const good = [
    'manufacturer: E2E Corp',
    'model: Box 9000',
    `slug: ${slug}`,
    'part_number: BX9',
    'u_height: 2',
    'is_full_depth: true',
    'airflow: front-to-rear',
    'power-ports:',
    '  - name: PSU1',
    '    type: iec-60320-c14',
    '    maximum_draw: 500',
    '    allocated_draw: 200',
    '',
  ].join('\n');
  const bad = ['manufacturer: E2E Corp', 'model: Half Thing', `slug: ${slug}-bad`, 'u_height: 0.3', ''].join(
    '\n',
  );

  await signIn(page, demoUsers.coordinator.username);
  await page.goto('/inventory/device-types');
  await expect(page.getByRole('heading', { level: 1, name: 'Types d’équipement' })).toBeVisible();
  await page.getByLabel('Fichiers .yaml ou .yml').setInputFiles([
    { name: `${slug}.yaml`, mimeType: 'application/yaml', buffer: Buffer.from(good) },
    { name: `${slug}-bad.yml`, mimeType: 'application/yaml', buffer: Buffer.from(bad) },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a library file') },
  ]);
  await expect(page.getByText('notes.txt — Ignoré')).toBeVisible();
  await page.getByRole('button', { name: 'Importer' }).click();

  const result = page.getByTestId('import-result');
  await expect(result.getByRole('status')).toHaveText('1 créé(s), 0 mis à jour, 1 refusé(s).');
  await expect(result.getByTestId(`import-file-${slug}.yaml`)).toContainText('Créé');
  const rejected = result.getByTestId(`import-file-${slug}-bad.yml`);
  await expect(rejected).toContainText('Refusé');
  await expect(rejected).toContainText('u_height');

  // The new type is in the catalogue.
  await page.getByLabel('Rechercher').fill(slug);
  await expect(page.getByTestId(`type-row-${slug}`)).toContainText('Box 9000');
});

test('a library of 120 files goes in batches with progress; a failed batch keeps the outcomes before it, the rest is sent again', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const prefix = uniqueName('e2e-lib').toLowerCase();
  const files = Array.from({ length: 120 }, (_, index) => {
    const slug = `${prefix}-${String(index).padStart(3, '0')}`;
    return {
      name: `${slug}.yaml`,
      mimeType: 'application/yaml',
      buffer: Buffer.from(
        [`manufacturer: E2E Library`, `model: Unit ${index}`, `slug: ${slug}`, 'u_height: 1', ''].join('\n'),
      ),
    };
  });
  let requests = 0;
  // Batches of 50: the first goes through (slowly, to see the progress), the second is cut by the
  // network, the third is never sent.
  await page.route('**/api/device-types/import', async (route) => {
    requests += 1;
    if (requests === 2) return route.abort('failed');
    await new Promise((resolve) => setTimeout(resolve, 600));
    return route.continue();
  });

  await signIn(page, demoUsers.coordinator.username);
  await page.goto('/inventory/device-types');
  await page.getByLabel('Fichiers .yaml ou .yml').setInputFiles(files);
  await expect(page.getByText('120 fichier(s) choisi(s)')).toBeVisible();
  await page.getByRole('button', { name: 'Importer' }).click();
  await expect(page.getByText(/^Envoi des fichiers : lot 1 sur 3 \(\d+ %\)$/)).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'L’import s’est arrêté' })).toContainText(
    '70 fichier(s) non envoyé(s)',
  );
  const result = page.getByTestId('import-result');
  await expect(result.getByRole('status')).toHaveText('50 créé(s), 0 mis à jour, 0 refusé(s).');
  await expect(result.locator('tbody tr')).toHaveCount(50);
  await expect(result.getByTestId(`import-file-${prefix}-049.yaml`)).toContainText('Créé');
  await expect(page.getByText('70 fichier(s) choisi(s)')).toBeVisible();
  expect(requests).toBe(2);

  // The network is back: the 70 files left go in two batches and join the outcomes already shown.
  await page.getByRole('button', { name: 'Importer' }).click();
  await expect(page.getByText(/^Envoi des fichiers : lot 2 sur 2 \(\d+ %\)$/)).toBeVisible();
  await expect(result.getByRole('status')).toHaveText('120 créé(s), 0 mis à jour, 0 refusé(s).');
  await expect(result.locator('tbody tr')).toHaveCount(120);
  await expect(result.getByTestId(`import-file-${prefix}-119.yaml`)).toContainText('Créé');
  await expect(page.getByRole('alert').filter({ hasText: 'L’import s’est arrêté' })).toHaveCount(0);
  expect(requests).toBe(4);
});

test('at 360 px the inventory pages fit the screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, demoUsers.coordinator.username);
  const overflow = async () =>
    Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
  for (const path of [
    '/inventory/racks',
    '/inventory/devices',
    '/inventory/rooms/1',
    '/inventory/placement',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect({ path, overflow: await overflow() }).toEqual({ path, overflow: 0 });
  }
  await page.goto('/inventory/racks');
  await page.getByRole('table', { name: 'Liste des baies' }).getByRole('link').first().click();
  await expect(page.getByTestId('elevation-rear')).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
});

test('a CSV import of racks: a dry run shows the errors per row, then a clean file is imported; the list exports as CSV', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs(baseURL!, 'coordinator');
  const room = await roomNamed(api, 'Salle B');
  const tile = await freeTile(api, room.id);
  await api.dispose();
  const name = uniqueName('E2E-CSV');
  const header = 'site,room,name,row,grid_x,grid_y,u_height,power_budget_kw,max_weight_kg,status,tenant';
  const good = `PAR1,Salle B,${name},Z,${tile.gridX},${tile.gridY},42,8,1000,active,NOVA`;
  const bad = `PAR1,Salle Nulle Part,${name}-BIS,Z,0,0,42,8,1000,active,`;
  const csv = (lines: string[]) => ({
    name: 'racks.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([header, ...lines, ''].join('\n')),
  });

  await signIn(page, demoUsers.coordinator.username);
  await page.goto('/inventory/racks');
  await page
    .getByRole('navigation', { name: 'Sections de l’inventaire' })
    .getByRole('link', { name: 'Import CSV' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Import CSV de baies ou d’équipements' }),
  ).toBeVisible();

  await page.getByLabel('Fichier CSV').setInputFiles(csv([good, bad]));
  await page.getByRole('button', { name: 'Vérifier (essai, rien n’est écrit)' }).click();
  const result = page.getByTestId('csv-result');
  await expect(result.getByRole('status')).toHaveText(
    'Essai : 1 à créer, 0 à mettre à jour, 1 ligne(s) en erreur.',
  );
  await expect(result.getByTestId('csv-line-2')).toContainText('Création');
  await expect(result.getByTestId('csv-line-3')).toContainText('room');
  await expect(page.getByRole('button', { name: 'Confirmer l’import' })).toBeDisabled();

  await page.getByLabel('Fichier CSV').setInputFiles(csv([good]));
  await page.getByRole('button', { name: 'Vérifier (essai, rien n’est écrit)' }).click();
  await expect(result.getByRole('status')).toHaveText(
    'Essai : 1 à créer, 0 à mettre à jour, 0 ligne(s) en erreur.',
  );
  await page.getByRole('button', { name: 'Confirmer l’import' }).click();
  await expect(result.getByRole('status')).toHaveText('Import terminé : 1 créé(s), 0 mis à jour.');

  await page.goto(`/inventory/racks?roomId=${room.id}&q=${name}`);
  await expect(page.getByTestId(`rack-row-${name}`)).toContainText('Novabank');
  const exportLink = page.getByRole('link', { name: 'Exporter en CSV' });
  await expect(exportLink).toHaveAttribute('href', `/api/racks/export?roomId=${room.id}&search=${name}`);
  const exported = await page.request.get((await exportLink.getAttribute('href'))!);
  expect(exported.status()).toBe(200);
  expect(exported.headers()['content-type']).toContain('text/csv');
  expect(await exported.text()).toContain(name);
});

test('lists sort by their column headers, and rooms and sites are edited and deleted, in French', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs(baseURL!, 'coordinator');
  const room = await createRoomBesideSalleA(api, 'E2E-ROOM', { gridColumns: 10, gridRows: 8 });
  await api.dispose();

  await signIn(page, demoUsers.coordinator.username);
  await page.goto('/inventory/racks');
  const racks = page.getByRole('table', { name: 'Liste des baies' });
  const nameHeader = racks.getByRole('columnheader', { name: 'Nom' });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'none');
  await nameHeader.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(page).toHaveURL(/sort=name/);
  const ascending = await racks.locator('tbody th').allTextContents();
  expect(ascending).toEqual([...ascending].sort());
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(racks.locator('tbody th').first()).not.toHaveText(ascending[0]!);
  const descending = await racks.locator('tbody th').allTextContents();
  expect(descending).toEqual([...descending].sort().reverse());

  // Edit a room; a value only the server refuses is worded in French beside its field.
  await page.goto(`/inventory/rooms?q=${room.name}`);
  await page.getByRole('button', { name: `Modifier ${room.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Modifier ${room.name}` });
  await dialog.getByLabel('Colonnes de dalles').fill('12');
  // As an out-of-date client would send it: the server's check is the one that answers.
  await page.route(`**/api/rooms/${room.id}`, (route) =>
    route.request().method() === 'PATCH'
      ? route.continue({ postData: JSON.stringify({ version: room.version, gridColumns: 900 }) })
      : route.continue(),
  );
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog.getByLabel('Colonnes de dalles')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Au plus 500.')).toBeVisible();
  await page.unroute(`**/api/rooms/${room.id}`);
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `« ${room.name} » mis à jour.` })).toBeVisible();
  await expect(page.getByTestId(`room-row-${room.name}`)).toContainText('12 × 8');

  // A site that still has rooms is not deleted, and the dialog says why.
  await page.goto('/inventory/sites');
  await page.getByRole('button', { name: 'Supprimer PAR1' }).click();
  const refuse = page.getByRole('dialog', { name: 'Supprimer PAR1' });
  await refuse.getByRole('button', { name: 'Supprimer' }).click();
  await expect(refuse.getByRole('alert')).toContainText(
    /Suppression impossible tant que des éléments l’utilisent : \d+ salle\(s\)\./,
  );
  await refuse.getByRole('button', { name: 'Annuler' }).click();

  // The empty room goes.
  await page.goto(`/inventory/rooms?q=${room.name}`);
  await page.getByRole('button', { name: `Supprimer ${room.name}` }).click();
  await page
    .getByRole('dialog', { name: `Supprimer ${room.name}` })
    .getByRole('button', { name: 'Supprimer' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: `« ${room.name} » supprimé.` })).toBeVisible();
  await expect(page.getByTestId(`room-row-${room.name}`)).toBeHidden();
});

import { expect, test, type Page } from '@playwright/test';
import { deviceListItemSchema, pageSchema } from '@vigie/shared';
import { apiAs } from './support/api.js';
import { axeViolations } from './support/axe-check.js';
import {
  createDevice,
  createRack,
  deviceTypeBySlug,
  roomNamed,
  tenantByCode,
  uniqueName,
} from './support/inventory.js';
import { demoUsers, signIn } from './support/sign-in.js';

const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Recherche dans l’inventaire' });
const popup = (page: Page) => page.getByTestId('inventory-search-popup');

/** A Novabank rack holding one device with a serial and an asset tag of its own. */
async function seedSearchable(baseURL: string) {
  const api = await apiAs(baseURL, 'coordinator');
  const room = await roomNamed(api, 'Salle A');
  const nova = await tenantByCode(api, 'NOVA');
  const rack = await createRack(api, {
    roomId: room.id,
    name: uniqueName('E2E-SRCH'),
    rowLabel: 'Z',
    powerBudgetKw: 10,
    maxWeightKg: 1000,
    tenantId: nova.id,
  });
  const unique = uniqueName('X');
  const device = await createDevice(api, {
    name: `${rack.name}-SRV`,
    deviceTypeId: (await deviceTypeBySlug(api, 'dell-poweredge-r650')).id,
    rackId: rack.id,
    position: 5,
    face: 'front',
    tenantId: nova.id,
    serial: `SN-${unique}`,
    assetTag: `AT-${unique}`,
  });
  // Another tenant's device with a serial: the viewer must not find it.
  const helio = await tenantByCode(api, 'HELIO');
  const listed = await api.get('/api/devices', { params: { tenantId: helio.id, limit: 100 } });
  const foreign = pageSchema(deviceListItemSchema)
    .parse(await listed.json())
    .items.find((item) => item.serial !== null);
  await api.dispose();
  if (!foreign?.serial) throw new Error('The demo data has no serialised device of Helio Retail');
  return { rack, device, foreignSerial: foreign.serial };
}

test('one search box finds devices by serial and asset tag, racks and sites by name, by keyboard', async ({
  page,
  baseURL,
}) => {
  const { rack, device } = await seedSearchable(baseURL!);
  await signIn(page, demoUsers.coordinator.username);
  await page.goto('/inventory/racks');
  const box = searchBox(page);
  await expect(box).toHaveAttribute('aria-expanded', 'false');

  // A serial: the device shows under Équipements; arrow down highlights it, Enter opens it.
  await box.fill(device.serial!);
  const devices = page.getByRole('listbox', { name: 'Résultats de la recherche' }).getByRole('group', {
    name: 'Équipements',
  });
  const option = devices.getByRole('option', { name: new RegExp(`^${device.name}`) });
  await expect(option).toContainText(`n° de série ${device.serial}`);
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('status').filter({ hasText: '1 résultat(s).' })).toBeAttached();
  await box.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/inventory/devices/${device.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Équipement ${device.name}` })).toBeVisible();

  // An asset tag finds it too; Escape closes the list, a second Escape clears the box.
  await box.fill(device.assetTag!);
  await expect(devices.getByRole('option', { name: new RegExp(`^${device.name}`) })).toContainText(
    `n° d’inventaire ${device.assetTag}`,
  );
  await box.press('Escape');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await expect(popup(page)).toBeHidden();
  await box.press('Escape');
  await expect(box).toHaveValue('');

  // A rack by its name, under Baies; a click opens its elevation.
  await box.fill(rack.name);
  const racks = page.getByRole('group', { name: 'Baies' });
  await racks.getByRole('option', { name: new RegExp(`^${rack.name}`) }).click();
  await expect(page).toHaveURL(new RegExp(`/inventory/racks/${rack.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Baie ${rack.name}` })).toBeVisible();
  // The rack's own name also matches its device: both kinds are listed at once.
  await box.fill('');
  await box.fill(rack.name);
  await expect(racks.getByRole('option')).toHaveCount(1);
  await expect(devices.getByRole('option')).toHaveCount(1);
  // Arrow up from the top wraps round to the last option (the device).
  await box.press('ArrowUp');
  await expect(devices.getByRole('option')).toHaveAttribute('aria-selected', 'true');
  // The open list, grouped and highlighted, passes axe.
  expect(await axeViolations(page)).toEqual([]);
  await box.press('Escape');

  // A site by its code, under Sites; Enter with nothing highlighted opens the first result.
  await box.fill('PAR1');
  await expect(page.getByRole('group', { name: 'Sites' }).getByRole('option').first()).toContainText('PAR1');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/inventory\/sites\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Site / })).toBeVisible();

  // Nothing found is said so.
  await box.fill('zzz-aucun-objet-e2e');
  await expect(popup(page)).toContainText('Aucun site, baie ni équipement pour « zzz-aucun-objet-e2e ».');
  await expect(page.getByRole('option')).toHaveCount(0);
});

test('the search box says when the search fails, and retries', async ({ page, baseURL }) => {
  const { device } = await seedSearchable(baseURL!);
  await signIn(page, demoUsers.coordinator.username);
  await page.goto('/inventory/devices');
  // The network drops the search requests for a while.
  await page.route('**/api/inventory/search?**', (route) => route.abort('failed'));
  const box = searchBox(page);
  await box.fill(device.serial!);
  const alert = popup(page).getByRole('alert');
  await expect(alert).toContainText('La recherche a échoué.');
  await page.unroute('**/api/inventory/search?**');
  await alert.getByRole('button', { name: 'Réessayer' }).click();
  await expect(page.getByRole('option', { name: new RegExp(`^${device.name}`) })).toBeVisible();
  await expect(box).toBeFocused();
});

test('a client viewer finds their own devices, never another tenant’s, and the box fits 360 px', async ({
  page,
  baseURL,
}) => {
  const { device, foreignSerial } = await seedSearchable(baseURL!);
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, demoUsers.viewer.username);
  await page.goto('/inventory/devices');
  const box = searchBox(page);

  await box.fill(foreignSerial);
  await expect(popup(page)).toContainText(`Aucun site, baie ni équipement pour « ${foreignSerial} ».`);

  await box.fill(device.serial!);
  const option = page.getByRole('option', { name: new RegExp(`^${device.name}`) });
  await expect(option).toBeVisible();
  expect(Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'))).toBe(0);
  const [boxArea, popupArea] = await Promise.all([box.boundingBox(), popup(page).boundingBox()]);
  expect(boxArea!.x).toBeGreaterThanOrEqual(0);
  expect(popupArea!.x + popupArea!.width).toBeLessThanOrEqual(360);
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/inventory/devices/${device.id}$`));
});

import { expect, test, type Locator } from '@playwright/test';
import { rackSchema, siteSchema } from '@vigie/shared';
import { apiAs } from './support/api.js';
import { axeViolations } from './support/axe-check.js';
import {
  createDevice,
  createRack,
  createRoomBesideSalleA,
  deviceTypeBySlug,
  uniqueName,
} from './support/inventory.js';
import { demoUsers, signIn } from './support/sign-in.js';

const measureKeys = { Espace: 'space', Puissance: 'power', Poids: 'weight' } as const;

/** The figure line of one measure in a capacity panel's totals, checked to carry its French label. */
function measure(panel: Locator, label: keyof typeof measureKeys): Locator {
  return panel
    .getByTestId('capacity-total')
    .locator(`[data-measure="${measureKeys[label]}"]`)
    .filter({ hasText: label });
}

test('capacity: a rack’s units, power and weight move live as a device is added; rows, room and site add up', async ({
  page,
  baseURL,
}) => {
  // A room of its own, so every total is known: rack A1 (10 kW, 1,000 kg) empty, rack B1 (5 kW,
  // 800 kg) with two 1 U R650 (300 W allocated, 21.2 kg each).
  const api = await apiAs(baseURL!, 'coordinator');
  const room = await createRoomBesideSalleA(api, 'E2E-CAP', { gridColumns: 6, gridRows: 4 });
  const site = siteSchema.parse(await (await api.get(`/api/sites/${room.siteId}`)).json());
  const a1 = await createRack(api, {
    roomId: room.id,
    name: uniqueName('E2E-CAP-A'),
    rowLabel: 'A',
    powerBudgetKw: 10,
    maxWeightKg: 1000,
    tenantId: null,
  });
  const b1 = await createRack(api, {
    roomId: room.id,
    name: uniqueName('E2E-CAP-B'),
    rowLabel: 'B',
    powerBudgetKw: 5,
    maxWeightKg: 800,
    tenantId: null,
  });
  const r650 = await deviceTypeBySlug(api, 'dell-poweredge-r650');
  for (const position of [1, 2]) {
    await createDevice(api, {
      name: `${b1.name}-${position}`,
      deviceTypeId: r650.id,
      rackId: b1.id,
      position,
      face: 'front',
    });
  }

  await signIn(page, demoUsers.coordinator.username);
  await page.goto(`/inventory/racks/${a1.id}`);
  const capacity = page.getByTestId('capacity');
  await expect(capacity.getByRole('heading', { level: 2, name: 'Capacité' })).toBeVisible();
  await expect(measure(capacity, 'Espace')).toContainText('0 U occupés sur 42 U, 42 U libres (0 %)');
  await expect(measure(capacity, 'Puissance')).toContainText('0 kW alloués sur 10 kW (0 %)');
  await expect(measure(capacity, 'Poids')).toContainText('0 kg sur 1 000 kg (0 %)');
  await expect(capacity.getByRole('meter', { name: 'Espace' })).toHaveAttribute('aria-valuenow', '0');

  // A 2 U R750 (420 W allocated, 28.6 kg) racked by someone else shows without a reload.
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
  await createDevice(api, {
    name: `${a1.name}-SRV`,
    deviceTypeId: (await deviceTypeBySlug(api, 'dell-poweredge-r750')).id,
    rackId: a1.id,
    position: 10,
    face: 'front',
  });
  await expect(measure(capacity, 'Espace')).toContainText('2 U occupés sur 42 U, 40 U libres (5 %)');
  await expect(measure(capacity, 'Puissance')).toContainText('0,42 kW alloués sur 10 kW (4 %)');
  await expect(measure(capacity, 'Poids')).toContainText('28,6 kg sur 1 000 kg (3 %)');
  const power = capacity.getByRole('meter', { name: 'Puissance' });
  await expect(power).toHaveAttribute('aria-valuenow', '4');
  await expect(power).toHaveAttribute('aria-valuetext', '0,42 kW alloués sur 10 kW (4 %)');

  // The room: its totals, then one line per row.
  await page.getByRole('link', { name: 'Voir sur le plan de salle' }).click();
  await expect(page.getByRole('heading', { level: 1, name: room.name })).toBeVisible();
  await expect(capacity.getByRole('heading', { level: 3 })).toHaveText('Total de la salle (2 baies)');
  await expect(measure(capacity, 'Espace')).toContainText('4 U occupés sur 84 U, 80 U libres (5 %)');
  await expect(measure(capacity, 'Puissance')).toContainText('1,02 kW alloués sur 15 kW (7 %)');
  await expect(measure(capacity, 'Poids')).toContainText('71 kg sur 1 800 kg (4 %)');
  const rows = capacity.getByRole('table', { name: `Capacité par rangée de ${room.name}` });
  await expect(rows.getByTestId('capacity-row-A')).toContainText('2 U occupés sur 42 U, 40 U libres (5 %)');
  const rowB = rows.getByTestId('capacity-row-B');
  await expect(rowB).toContainText('0,6 kW alloués sur 5 kW (12 %)');
  await expect(rowB).toContainText('42,4 kg sur 800 kg (5 %)');
  await expect(rowB.getByRole('meter', { name: 'Rangée B — Puissance' })).toHaveAttribute(
    'aria-valuenow',
    '12',
  );

  // A budget cut below what is allocated: the row says it is over, live; the bar stops at its end.
  const cut = await api.patch(`/api/racks/${b1.id}`, { data: { version: b1.version, powerBudgetKw: 0.5 } });
  expect(cut.status(), await cut.text()).toBe(200);
  rackSchema.parse(await cut.json());
  await api.dispose();
  await expect(rowB).toContainText('0,6 kW alloués sur 0,5 kW (120 %, dépassement)');
  await expect(rowB.getByRole('meter', { name: 'Rangée B — Puissance' })).toHaveAttribute(
    'aria-valuenow',
    '100',
  );

  // The site: its totals, and the room's line, which leads back to the room.
  await page.getByRole('link', { name: site.code, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Site ${site.name}` })).toBeVisible();
  await expect(capacity.getByRole('heading', { level: 3 })).toHaveText(/^Total du site \(\d+ baies\)$/);
  await expect(measure(capacity, 'Espace')).toContainText(
    /[\d\s]+ U occupés sur [\d\s]+ U, [\d\s]+ U libres \(\d+ %\)/,
  );
  const roomLine = capacity
    .getByRole('table', { name: `Capacité par salle de ${site.name}` })
    .getByTestId(`capacity-room-${room.id}`);
  await expect(roomLine).toContainText('4 U occupés sur 84 U, 80 U libres (5 %)');
  await expect(roomLine).toContainText('1,02 kW alloués sur 10,5 kW (10 %)');

  expect(await axeViolations(page)).toEqual([]);

  // Usable at 360 px: nothing wider than the screen.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(roomLine).toBeAttached();
  expect(Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'))).toBe(0);
  await roomLine.getByRole('link', { name: room.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: room.name })).toBeVisible();
  expect(Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'))).toBe(0);
});

test('the sites list leads to each site’s capacity', async ({ page }) => {
  await signIn(page, demoUsers.viewer.username);
  await page.goto('/inventory/sites');
  await page
    .getByRole('link', { name: /^Capacité de / })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /^Site / })).toBeVisible();
  // A client viewer sees figures for their own racks only; they still add up in the same panel.
  await expect(page.getByTestId('capacity-total')).toContainText(/U occupés sur/);
});

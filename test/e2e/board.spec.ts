import { expect, test, type Browser, type Page, type WebSocket } from '@playwright/test';
import {
  floorPlanSchema,
  incidentSchema,
  livePath,
  pageSchema,
  roomSchema,
  type AnyLiveEnvelope,
  type LiveReady,
} from '@vigie/shared';
import { apiAs } from './support/api.js';
import { createIncident, transitionIncident, uniqueTitle } from './support/incidents.js';
import { tenantByCode } from './support/inventory.js';
import { demoUsers, signIn } from './support/sign-in.js';

const floorPlanRoomsSchema = pageSchema(roomSchema);

/** A second browser (its own cookies and socket), signed in as another user, on the board. */
async function secondBrowser(
  browser: Browser,
  baseURL: string,
  username: string,
  /** Runs on the new page before it signs in (e.g. to watch its sockets from the first one). */
  prepare: (page: Page) => void = () => undefined,
): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  prepare(page);
  await signIn(page, username);
  return page;
}

/** The live channel as a page receives it, read off the wire (WebSocket frames and long-polling answers). */
interface LiveWire {
  events: AnyLiveEnvelope[];
  readies: LiveReady[];
  /** Waits until `found` returns something for the events received so far. */
  until<T>(found: (events: AnyLiveEnvelope[]) => T | null, timeoutMs?: number): Promise<T>;
  /** Waits until every live WebSocket the page opened is closed (the browser's offline mode closes them). */
  closed(): Promise<void>;
}

function recordLiveWire(page: Page): LiveWire {
  const events: AnyLiveEnvelope[] = [];
  const readies: LiveReady[] = [];
  const read = (payload: string | Buffer) => {
    // engine.io packets are separated by \x1e in a polling answer; "42" is a socket.io event on "/".
    for (const packet of payload.toString().split('\x1e')) {
      if (!packet.startsWith('42')) continue;
      const [name, data] = JSON.parse(packet.slice(2)) as [string, unknown];
      if (name === 'event') events.push(data as AnyLiveEnvelope);
      if (name === 'ready') readies.push(data as LiveReady);
    }
  };
  const sockets: WebSocket[] = [];
  page.on('websocket', (socket) => {
    if (!new URL(socket.url()).pathname.startsWith(livePath)) return;
    sockets.push(socket);
    socket.on('framereceived', (frame) => read(frame.payload));
  });
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith(livePath) || url.searchParams.get('transport') !== 'polling') return;
    if (response.request().method() !== 'GET') return;
    read(await response.text().catch(() => ''));
  });
  return {
    events,
    readies,
    async until(found, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const result = found(events);
        if (result !== null) return result;
        if (Date.now() > deadline)
          throw new Error(`timed out; received ${JSON.stringify(events.map((e) => [e.seq, e.type]))}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async closed() {
      await expect.poll(() => sockets.every((socket) => socket.isClosed()), { timeout: 10_000 }).toBe(true);
    },
  };
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
  // What is on the board at load is not "new".
  const atLoad = page.locator('.incident-card').first();
  await expect(atLoad).toBeVisible();
  const atLoadId = (await atLoad.getAttribute('data-testid'))!;
  await expect(page.locator('.incident-card--new')).toHaveCount(0);
  await expect(page.locator('.badge--new')).toHaveCount(0);

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
  // The arrival highlight itself ('Nouveau' alone is also the status label): the card and its badge, on it only.
  await expect(card).toHaveClass(/\bincident-card--new\b/);
  await expect(card.locator('.badge--new')).toHaveText('Nouveau');
  // Not on what was there before (other tests may report incidents meanwhile: those are new too).
  await expect(page.getByTestId(atLoadId)).not.toHaveClass(/\bincident-card--new\b/);
  await expect(page.getByTestId(atLoadId).locator('.badge--new')).toHaveCount(0);
  await expect(card).toContainText('P2 haute');
  await expect(card).toContainText('Prise en compte');

  await expect(technician.getByRole('heading', { level: 1 })).toContainText(created.reference);
  await technician.context().close();
});

test('a technician’s board that loses its connection says so, then replays exactly what it missed, once', async ({
  page,
  browser,
  baseURL,
}) => {
  // Both boards' sockets are watched from their first frame.
  const coordinatorWire = recordLiveWire(page);
  await signIn(page, demoUsers.coordinator.username);
  await expectLive(page);
  const before = await createIncident(page.request, {
    title: uniqueTitle('Avant coupure'),
    impact: 2,
    urgency: 2,
  });
  const wires: LiveWire[] = [];
  const technician = await secondBrowser(browser, baseURL!, demoUsers.technician.username, (opened) =>
    wires.push(recordLiveWire(opened)),
  );
  const technicianWire = wires[0]!;
  const beforeCard = technician.getByTestId(`board-incident-${before.reference}`);
  await expect(beforeCard).toHaveAttribute('data-status', 'new');
  await expectLive(technician);

  await technician.context().setOffline(true);
  await expect(technician.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'offline');
  await expect(technician.getByTestId('board-offline')).toContainText('Connexion temps réel perdue');
  // The indicator follows the browser's offline event; the socket itself closes a moment later.
  await technicianWire.closed();

  // While the technician is cut off, the coordinator reports two incidents and acknowledges one.
  const during = [
    await createIncident(page.request, { title: uniqueTitle('Pendant coupure'), impact: 2, urgency: 2 }),
    await createIncident(page.request, { title: uniqueTitle('Pendant coupure bis'), impact: 3, urgency: 2 }),
  ];
  await transitionIncident(page.request, before.id, { to: 'acknowledged', version: before.version });
  // What the technician missed, with the seq each event has, as the coordinator's board received it.
  const duringIds = during.map((incident) => incident.id);
  const missed = await coordinatorWire.until((events) => {
    const found = events.filter(
      (event) =>
        (event.type === 'incident.created' && duringIds.includes(event.payload.id)) ||
        (event.type === 'incident.updated' &&
          event.payload.id === before.id &&
          event.payload.status === 'acknowledged'),
    );
    return found.length === 3 ? found : null;
  });
  await expect(technician.getByTestId(`board-incident-${during[0]!.reference}`)).toHaveCount(0);
  // None of them reached the technician while cut off (a frame read just before the cut may
  // still be recorded now: other tests' events, never these).
  const missedSeqs = missed.map((event) => event.seq);
  expect(technicianWire.events.filter((event) => missedSeqs.includes(event.seq))).toEqual([]);

  await technician.context().setOffline(false);
  await expect(technician.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected', {
    timeout: 20_000,
  });
  // The socket came back with the last seq it had: the server replays, it does not ask for a refetch.
  const replayed = await technicianWire.until((events) =>
    missed.every((event) => events.some((received) => received.seq === event.seq)) ? events : null,
  );
  expect(technicianWire.readies.at(-1)).toMatchObject({ resync: false });
  for (const event of missed)
    expect({
      seq: event.seq,
      received: replayed.filter((received) => received.seq === event.seq).length,
    }).toEqual({
      seq: event.seq,
      received: 1,
    });
  // Nothing was received twice, before or after the cut.
  const seqs = technicianWire.events.map((event) => event.seq);
  expect(new Set(seqs).size).toBe(seqs.length);

  for (const incident of during)
    await expect(technician.getByTestId(`board-incident-${incident.reference}`)).toHaveCount(1);
  await expect(beforeCard).toHaveAttribute('data-status', 'acknowledged');
  await expect(technician.getByTestId(`board-incident-${before.reference}`)).toHaveCount(1);
  await expect(technician.getByTestId('board-offline')).toHaveCount(0);
  await technician.context().close();
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

test('the board filters by priority and by “mine”, in the URL', async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!, demoUsers.admin.username);
  const idOf = async (username: string) => {
    const api = await apiAs(baseURL!, username);
    const me = (await (await api.get('/api/auth/me')).json()) as { user: { id: number } };
    await api.dispose();
    return me.user.id;
  };
  const [coordinatorId, technicianId] = [
    await idOf(demoUsers.coordinator.username),
    await idOf(demoUsers.technician.username),
  ];
  const open = (title: string, impact: number, urgency: number, assigneeId: number) =>
    createIncident(admin, { title: uniqueTitle(title), impact, urgency, assigneeId });
  const urgentMine = await open('Filtre P1 à moi', 1, 1, coordinatorId);
  const urgentTheirs = await open('Filtre P1 technicien', 1, 1, technicianId);
  const minorMine = await open('Filtre P4 à moi', 3, 3, coordinatorId);
  await admin.dispose();
  expect([urgentMine.priority, urgentTheirs.priority, minorMine.priority]).toEqual(['P1', 'P1', 'P4']);
  const card = (incident: { reference: string }) => page.getByTestId(`board-incident-${incident.reference}`);

  await signIn(page, demoUsers.coordinator.username);
  for (const incident of [urgentMine, urgentTheirs, minorMine]) await expect(card(incident)).toHaveCount(1);

  await page.getByLabel('Priorité', { exact: true }).selectOption('P1');
  await expect(page).toHaveURL(/[?&]priority=P1\b/);
  await expect(card(urgentMine)).toHaveCount(1);
  await expect(card(urgentTheirs)).toHaveCount(1);
  await expect(card(minorMine)).toHaveCount(0);

  // A click (not check()): the box follows the URL, which changes a moment after the click.
  await page.getByLabel('Mes incidents').click();
  await expect(page.getByLabel('Mes incidents')).toBeChecked();
  await expect(page).toHaveURL(/[?&]mine=1\b/);
  await expect(card(urgentMine)).toHaveCount(1);
  await expect(card(urgentTheirs)).toHaveCount(0);
  await expect(card(minorMine)).toHaveCount(0);

  // The view is in the URL: reloading it keeps the filters.
  await page.reload();
  await expect(card(urgentMine)).toHaveCount(1);
  await expect(card(urgentTheirs)).toHaveCount(0);
  await expect(page.getByLabel('Mes incidents')).toBeChecked();
});

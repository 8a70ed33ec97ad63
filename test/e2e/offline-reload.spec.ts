import { expect, test } from '@playwright/test';
import { apiAs } from './support/api.js';
import { serviceWorkerReachesServer, ticksOnDevice, untilServiceWorkerControls } from './support/offline.js';
import { getRun, myUserId, recordStepViaApi, signStep, startRun, stepCard } from './support/runs.js';
import { demoUsers, signIn } from './support/sign-in.js';

const upsTitle = 'Onduleur sur batterie après perte du réseau électrique';
const staleBuildCache = 'vigie-app-0000000000000000';

test.describe('a technician in a dead zone', () => {
  test.use({
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
    serviceWorkers: 'allow',
  });

  test('reloads the run page offline, gets the app and the run back, ticks on, and every tick is stored once when the network returns', async ({
    page,
    context,
    baseURL,
  }) => {
    const technician = demoUsers.technician;
    const api = await apiAs(baseURL!, technician.username);
    const run = await startRun(api, 'ups-on-battery', await myUserId(api));

    // A previous deploy's files are still on the device: the new build's worker must replace them.
    await context.addInitScript(
      `void caches.open('${staleBuildCache}').then((cache) => cache.put('/stale', new Response('old')))`,
    );
    // First visit: the service worker installs while the technician signs in.
    await page.goto('/sign-in');
    await untilServiceWorkerControls(page);
    const worker = await page.request.get('/sw.js');
    expect(worker.headers()['cache-control']).toBe('no-cache');
    const version = /"version":"([0-9a-f]+)"/.exec(await worker.text())?.[1];
    expect(version).toBeTruthy();
    expect(await page.evaluate('caches.keys()')).toEqual([`vigie-app-${version}`]);
    await signIn(page, technician.username);

    // Online: my runs, then the run.
    await page.goto('/runs');
    const item = page.getByTestId('runs-mine-list').getByTestId(`run-item-${run.id}`);
    await item.getByRole('link', { name: upsTitle }).click();
    await expect(page.getByRole('heading', { level: 1, name: upsTitle })).toBeVisible();
    await expect(page.getByText('Étape 1 sur 13')).toBeVisible();

    // Offline for the page and for its service worker alike (a worker fetch cannot sneak through).
    expect(await serviceWorkerReachesServer(context)).toBe(true);
    await context.setOffline(true);
    expect(await serviceWorkerReachesServer(context)).toBe(false);

    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await expect(page.getByRole('heading', { level: 1, name: upsTitle })).toBeVisible();
    await expect(page.getByText('Étape 1 sur 13')).toBeVisible();
    await expect(page.getByTestId('run-context')).toHaveText('Sans contexte');

    // Ticks on: kept on the device, counted in the top bar.
    await signStep(stepCard(page, 'confirm-on-battery'), 'done');
    await signStep(stepCard(page, 'check-generator-start'), 'done');
    await expect(page.getByText('Étape 3 sur 13')).toBeVisible();
    await expect(page.getByTestId('waiting-banner')).toContainText('En attente du réseau (2)');
    const badge = page.getByRole('banner').getByTestId('device-ticks-badge');
    await expect(badge).toHaveText(/2 en attente/);
    await expect(badge).toHaveAttribute('href', `/runs/${run.id}`);
    expect(await ticksOnDevice(page)).toBe(2);

    // "My runs", opened offline too, shows the run and its two ticks on the device.
    await page.goto('/runs');
    const offlineItem = page.getByTestId('runs-mine-list').getByTestId(`run-item-${run.id}`);
    await expect(offlineItem.getByTestId('device-ticks-waiting')).toHaveText('2 en attente');
    await expect(badge).toHaveText(/2 en attente/);

    // Signing out now would leave them behind: the technician is told, and stays.
    await page.getByRole('button', { name: `Compte de ${technician.displayName}` }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    const warning = page.getByRole('dialog', { name: 'Des signatures ne sont pas encore envoyées' });
    await expect(warning).toContainText('2 signature(s) faite(s) sur cet appareil attendent le réseau');
    await warning.getByRole('button', { name: 'Rester connecté' }).click();
    await expect(warning).toBeHidden();
    await expect(badge).toBeVisible();

    // Nothing reached the server while offline.
    expect((await getRun(api, run.id)).progress.signed).toBe(0);

    await offlineItem.getByRole('link', { name: upsTitle }).click();
    await expect(page.getByText('Étape 3 sur 13')).toBeVisible();
    await context.setOffline(false);
    await expect(page.getByTestId('waiting-banner')).toBeHidden({ timeout: 15_000 });
    await expect(badge).toBeHidden();

    // Through the API: each tick stored exactly once, in order, with its device time.
    const stored = await getRun(api, run.id);
    const records = ['confirm-on-battery', 'check-generator-start'].map((stepId) => {
      const step = stored.steps.find((candidate) => candidate.id === stepId)!;
      expect({ stepId, records: step.history.length }).toEqual({ stepId, records: 1 });
      return step.history[0]!;
    });
    expect(records.map((record) => record.outcome)).toEqual(['done', 'done']);
    expect(records[0]!.id).toBeLessThan(records[1]!.id);
    for (const record of records) expect(record.deviceTime).not.toBeNull();
    expect(stored.steps.filter((step) => step.history.length > 0)).toHaveLength(2);
    expect(await ticksOnDevice(page)).toBe(0);
    await api.dispose();
  });

  test('a tick the server refused stays visible on every page until the technician has seen it', async ({
    page,
    context,
    baseURL,
  }) => {
    const api = await apiAs(baseURL!, demoUsers.technician.username);
    const run = await startRun(api, 'visitor-escort', await myUserId(api));
    await signIn(page, demoUsers.technician.username);
    await page.goto(`/runs/${run.id}`);
    await expect(page.getByText('Étape 1 sur 8')).toBeVisible();

    await context.setOffline(true);
    await signStep(stepCard(page, 'check-identity'), 'done');
    const badge = page.getByRole('banner').getByTestId('device-ticks-badge');
    await expect(badge).toHaveText(/1 en attente/);

    // Meanwhile the coordinator signs the same step from the desk.
    const coordinator = await apiAs(baseURL!, demoUsers.coordinator.username);
    await recordStepViaApi(coordinator, run.id, 'check-identity', {
      outcome: 'done',
      expectedRecordId: null,
    });
    await coordinator.dispose();

    await context.setOffline(false);
    await expect(badge).toHaveText(/1 refusée\(s\)/, { timeout: 15_000 });
    await expect(badge.getByTestId('device-ticks-waiting')).toHaveCount(0);

    // Elsewhere in the app the refusal is still in sight, and leads back to the run.
    await page.goto('/');
    await expect(badge).toHaveText(/1 refusée\(s\)/);
    await page.goto('/runs');
    await expect(
      page
        .getByTestId('runs-mine-list')
        .getByTestId(`run-item-${run.id}`)
        .getByTestId('device-ticks-refused'),
    ).toHaveText('1 refusée(s)');
    await badge.click();
    await expect(page).toHaveURL(new RegExp(`/runs/${run.id}$`));
    const conflicts = page.getByTestId('tick-conflicts');
    await expect(conflicts).toContainText('Sur le serveur maintenant : Fait — Camille Coordinatrice');

    // Signing out still warns about it; once seen and let go, the badge goes.
    await page.getByRole('button', { name: `Compte de ${demoUsers.technician.displayName}` }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    const warning = page.getByRole('dialog', { name: 'Des signatures ne sont pas encore envoyées' });
    await expect(warning).toContainText('1 signature(s) refusée(s) par le serveur');
    await warning.getByRole('button', { name: 'Rester connecté' }).click();
    await conflicts.getByRole('button', { name: 'J’ai vu, retirer de l’appareil' }).click();
    await expect(badge).toBeHidden();
    expect(await ticksOnDevice(page)).toBe(0);

    // Nothing left on the device: sign-out goes straight through, and forgets what was kept for offline.
    expect(await page.evaluate('caches.keys()')).toContain('vigie-user');
    await page.getByRole('button', { name: `Compte de ${demoUsers.technician.displayName}` }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect.poll(() => page.evaluate('caches.keys()')).not.toContain('vigie-user');
    await api.dispose();
  });
});

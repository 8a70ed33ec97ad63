import type { BrowserContext, Page } from '@playwright/test';

/** How many ticks the device's IndexedDB queue holds (evaluated in the page: a string, no DOM types here). */
export async function ticksOnDevice(page: Page): Promise<number> {
  return Number(
    await page.evaluate(`new Promise((resolve, reject) => {
      const request = indexedDB.open('vigie-offline');
      request.onerror = () => reject(new Error('open failed'));
      request.onsuccess = () => {
        const count = request.result.transaction('ticks').objectStore('ticks').count();
        count.onsuccess = () => resolve(count.result);
      };
    })`),
  );
}

/** Waits until the app's service worker controls the page (installed, activated and claimed). */
export async function untilServiceWorkerControls(page: Page): Promise<void> {
  // A promise evaluated once (waitForFunction would poll with eval, which the app's CSP forbids).
  await page.evaluate(`navigator.serviceWorker.controller ? true : new Promise((resolve) => {
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true), { once: true });
  })`);
}

/** Whether the service worker itself can reach the server (it has a network of its own). */
export async function serviceWorkerReachesServer(context: BrowserContext): Promise<boolean> {
  const [worker] = context.serviceWorkers();
  if (!worker) throw new Error('No service worker in this context');
  return (
    (await worker.evaluate(`fetch('/api/health', { cache: 'no-store' }).then(() => true, () => false)`)) ===
    true
  );
}

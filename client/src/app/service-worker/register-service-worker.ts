/**
 * Installs the service worker that lets the app open offline (sw.ts). A new deploy's worker takes
 * over at once and drops the old build's files: a page still running the old build reloads when one
 * of its lazy chunks is gone, and gets the new build (from the new worker's cache when offline).
 */
/** Dispatched on window when a service worker starts controlling this page (first install, or a new build). */
export const workerControlsPageEvent = 'vigie:worker-controls-page';

const reloadedAtKey = 'vigie-reloaded-for-missing-chunk';

function reloadOnceForMissingChunk(): void {
  // A chunk missing even after a reload is a real error: let the route's error page show it.
  const last = Number(sessionStorage.getItem(reloadedAtKey) ?? 0);
  if (Date.now() - last < 30_000) return;
  sessionStorage.setItem(reloadedAtKey, String(Date.now()));
  window.location.reload();
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  window.addEventListener('vite:preloadError', reloadOnceForMissingChunk);
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    window.dispatchEvent(new Event(workerControlsPageEvent));
  });
  window.addEventListener('load', () => {
    // Without it the app still works online; offline reloads are what is lost.
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      console.warn('Service worker not registered', error);
    });
  });
}

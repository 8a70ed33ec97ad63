/*
 * Vigie's service worker: the app opens, and shows the runs the technician had open, even where the
 * hall has no network. Built into dist/sw.js by precache-plugin.ts, which replaces
 * __VIGIE_SW_BUILD__ with this build's files and version. Writes never go through a cache: ticks
 * wait in the app's IndexedDB queue (features/runs/offline).
 */
import { signedInUserPath, staticRoutes, strategyFor, type StaticRoute } from './sw-routes';

declare const __VIGIE_SW_BUILD__: { version: string; files: readonly string[] };

// The service worker events, typed here: the WebWorker lib cannot be loaded beside the DOM lib.
interface WorkerEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface WorkerInstallEvent extends WorkerEvent {
  /** The static routing API (Chromium 123+): absent elsewhere, where the fetch handler does it all. */
  addRoutes?: (rules: readonly StaticRoute[]) => Promise<void>;
}
interface WorkerFetchEvent extends WorkerEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  location: Location;
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install', listener: (event: WorkerInstallEvent) => void): void;
  addEventListener(type: 'activate', listener: (event: WorkerEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: WorkerFetchEvent) => void): void;
}

const worker = self as unknown as ServiceWorkerScope;
const build = __VIGIE_SW_BUILD__;
/** One cache per build: a new deploy installs its own and deletes the previous one. */
const appCache = `vigie-app-${build.version}`;
/** The signed-in user's kept answers; emptied at every sign-in, sign-out and 401. */
const userCache = 'vigie-user';
const appShell = '/index.html';

/** Bumped whenever the user's answers are forgotten: an answer fetched before is then not kept. */
let userGeneration = 0;

async function forgetUser(): Promise<void> {
  userGeneration += 1;
  await caches.delete(userCache);
}

async function precache(): Promise<void> {
  const cache = await caches.open(appCache);
  // 'reload': straight from the server, never from a possibly older HTTP cache entry.
  await cache.addAll(build.files.map((file) => new Request(`/${file}`, { cache: 'reload' })));
}

async function dropOldCaches(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(
    names
      .filter((name) => name.startsWith('vigie-app-') && name !== appCache)
      .map((name) => caches.delete(name)),
  );
}

async function appPage(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (offline) {
    const shell = await caches.match(appShell, { cacheName: appCache });
    if (shell) return shell;
    throw offline;
  }
}

async function appFile(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName: appCache });
  return cached ?? fetch(request);
}

/** Keeps an answer for the user signed in when it was asked, never for a later one. */
async function keep(key: Request | string, response: Response, generation: number): Promise<void> {
  if (!response.ok || generation !== userGeneration) return;
  const cache = await caches.open(userCache);
  if (generation === userGeneration) await cache.put(key, response.clone());
}

async function keptApi(request: Request): Promise<Response> {
  const generation = userGeneration;
  let response: Response;
  try {
    response = await fetch(request);
  } catch (offline) {
    const kept = await caches.match(request, { cacheName: userCache, ignoreVary: true });
    // Without a kept answer, the page sees the network failure it would have seen without us.
    if (kept) return kept;
    throw offline;
  }
  if (response.status === 401) await forgetUser();
  else await keep(request, response, generation);
  return response;
}

/** The sign-in answer is the signed-in user (as GET /api/auth/me answers): kept as such. */
async function signIn(request: Request): Promise<Response> {
  await forgetUser();
  const generation = userGeneration;
  const response = await fetch(request);
  await keep(signedInUserPath, response, generation);
  return response;
}

function addStaticRoutes(event: WorkerInstallEvent): void {
  // Without the routes the fetch handler gives the same answers, only after waking the worker.
  const refused = (error: unknown) => console.warn('Service worker static routes refused', error);
  try {
    event.addRoutes?.(staticRoutes).catch(refused);
  } catch (error) {
    refused(error);
  }
}

worker.addEventListener('install', (event) => {
  addStaticRoutes(event);
  // A new build takes over at once; pages still on the old one reload on a missing chunk (main.tsx).
  event.waitUntil(precache().then(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(dropOldCaches().then(() => worker.clients.claim()));
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  switch (strategyFor(request, worker.location.origin)) {
    case 'app-page':
      event.respondWith(appPage(request));
      return;
    case 'app-file':
      event.respondWith(appFile(request));
      return;
    case 'kept-api':
      event.respondWith(keptApi(request));
      return;
    case 'sign-in':
      event.respondWith(signIn(request));
      return;
    case 'sign-out':
      event.waitUntil(forgetUser());
      return;
    case 'pass':
      return;
  }
});

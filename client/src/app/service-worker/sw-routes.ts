/** How the service worker answers one request. */
export type SwStrategy =
  /** A page of the app: the network, or the cached app shell when there is none. */
  | 'app-page'
  /** A built file (hashed name) or a public file: from the cache, the network only if missing. */
  | 'app-file'
  /** A GET needed to show a run offline: the network, or its last answer for this user. */
  | 'kept-api'
  /** Sign-in: forget the previous user's answers; the answer (the new user) is kept as theirs. */
  | 'sign-in'
  /** Sign-out: forget the user's answers, then pass. */
  | 'sign-out'
  /** Everything else (writes, other API routes, the live channel, other origins): untouched. */
  | 'pass';

export interface RequestFacts {
  method: string;
  mode: string;
  url: string;
}

export const signedInUserPath = '/api/auth/me';
// The small set of reads the run page and "my runs" need: who is signed in, the runs, the site.
const keptApiPaths = [signedInUserPath, '/api/runs', '/api/runs/:id', '/api/sites'];
const signInPath = '/api/auth/login';
const signOutPath = '/api/auth/logout';
// Requests the worker never answers: the static router sends them straight to the network.
const serverPaths = ['/api/*', '/live/*'];

const keptApi = keptApiPaths.map((pathname) => new URLPattern({ pathname }));
const server = serverPaths.map((pathname) => new URLPattern({ pathname }));

export function strategyFor(request: RequestFacts, origin: string): SwStrategy {
  const url = new URL(request.url);
  if (url.origin !== origin) return 'pass';
  if (request.method === 'POST' && url.pathname === signInPath) return 'sign-in';
  if (request.method === 'POST' && url.pathname === signOutPath) return 'sign-out';
  if (request.method !== 'GET') return 'pass';
  if (server.some((pattern) => pattern.test(url))) {
    return keptApi.some((pattern) => pattern.test(url)) ? 'kept-api' : 'pass';
  }
  if (request.mode === 'navigate') return 'app-page';
  return 'app-file';
}

/** A rule of the service worker static routing API (InstallEvent.addRoutes). */
export interface StaticRoute {
  condition: { urlPattern: URLPatternInit; requestMethod?: string };
  source: 'network' | 'fetch-event';
}

/**
 * The same choices for the browser's static router: API calls and the live channel the worker does
 * not keep never wake it (no start-up delay on writes, the board's refetches, the live polling).
 * The first matching rule wins.
 */
export const staticRoutes: readonly StaticRoute[] = [
  ...keptApiPaths.map((pathname) => ({
    condition: { urlPattern: { pathname }, requestMethod: 'GET' },
    source: 'fetch-event' as const,
  })),
  ...[signInPath, signOutPath].map((pathname) => ({
    condition: { urlPattern: { pathname }, requestMethod: 'POST' },
    source: 'fetch-event' as const,
  })),
  ...serverPaths.map((pathname) => ({ condition: { urlPattern: { pathname } }, source: 'network' as const })),
];

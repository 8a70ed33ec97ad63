// A fleet of live dashboards in a process of its own, so the server's memory and CPU are measured
// without the clients'. Run by DashboardFleet (dashboard-fleet.ts) with Node's type stripping.
import { io, type Socket } from 'socket.io-client';
import type { FleetReply, FleetRequest } from './dashboard-fleet.js';

interface Dashboard {
  socket: Socket;
  /** The highest seq this dashboard has seen: from `ready`, or from an event. */
  seq: number;
}

let dashboards: Dashboard[] = [];
const batch = 50;

function open(request: { url: string; path: string; cookies: string[] }, index: number, lastSeq?: number) {
  const cookie = request.cookies.length ? request.cookies[index % request.cookies.length] : undefined;
  const socket = io(request.url, {
    path: request.path,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    // A thousand handshakes at once on a busy machine: a slow answer is a figure, not a failure.
    timeout: 120_000,
    extraHeaders: cookie ? { cookie } : {},
    auth: lastSeq === undefined ? {} : { lastSeq },
  });
  const dashboard: Dashboard = { socket, seq: lastSeq ?? 0 };
  socket.on('event', (envelope: { seq: number }) => {
    dashboard.seq = Math.max(dashboard.seq, envelope.seq);
  });
  return new Promise<Dashboard>((resolve, reject) => {
    socket.once('ready', (ready: { seq: number; resync: boolean }) => {
      if (ready.resync) reject(new Error('the server asked for a resync instead of replaying'));
      if (lastSeq === undefined) dashboard.seq = ready.seq;
      resolve(dashboard);
    });
    socket.once('connect_error', reject);
  });
}

function close(): void {
  for (const dashboard of dashboards) dashboard.socket.close();
  dashboards = [];
}

/** Connects more dashboards, in batches, each waiting for `ready`; those already connected stay. */
async function connect(request: Extract<FleetRequest, { kind: 'connect' }>): Promise<FleetReply> {
  const added: Dashboard[] = [];
  for (let start = 0; start < request.count; start += batch) {
    const size = Math.min(batch, request.count - start);
    added.push(...(await Promise.all(Array.from({ length: size }, (_, i) => open(request, start + i)))));
  }
  dashboards.push(...added);
  return { kind: 'connected', seq: Math.min(...added.map((dashboard) => dashboard.seq)) };
}

/**
 * Reconnects every dashboard at once, each sending the last seq it saw before going offline, and
 * answers when the last of them has seen `target`.
 */
async function catchUp(request: Extract<FleetRequest, { kind: 'catch-up' }>): Promise<FleetReply> {
  close();
  const started = performance.now();
  const reconnected = await Promise.all(
    Array.from({ length: request.count }, (_, i) => open(request, i, request.lastSeq)),
  );
  dashboards = reconnected;
  await new Promise<void>((resolve) => {
    const check = () =>
      dashboards.every((dashboard) => dashboard.seq >= request.target) ? resolve() : setTimeout(check, 1);
    check();
  });
  return { kind: 'caught-up', ms: performance.now() - started };
}

process.on('message', (request: FleetRequest) => {
  const work =
    request.kind === 'connect'
      ? connect(request)
      : request.kind === 'catch-up'
        ? catchUp(request)
        : Promise.resolve(close()).then((): FleetReply => ({ kind: 'closed' }));
  work.then(
    (reply) => process.send!(reply),
    (error: unknown) => process.send!({ kind: 'failed', message: String(error) } satisfies FleetReply),
  );
});
process.send!({ kind: 'started' } satisfies FleetReply);

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { AnyLiveEnvelope } from '@vigie/shared';
import type { StoredLiveEvent } from '../../../server/src/realtime/live-envelope.js';
import type { LivePublisher } from '../../../server/src/realtime/live-publisher.js';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';

/** p50/p95 of a sample, in the sample's unit. */
export interface Percentiles {
  p50: number;
  p95: number;
}

export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95) };
}

/** Throws unless this process may open what `clients` sockets need: each client's end and the server's end. */
export function assertDescriptorsFor(clients: number): void {
  const limits = readFileSync('/proc/self/limits', 'utf8');
  const soft = Number(/^Max open files\s+(\d+)/m.exec(limits)?.[1] ?? Infinity);
  const needed = clients * 2 + 200;
  if (soft < needed)
    throw new Error(
      `${clients} sockets need about ${needed} open files in this process; the limit is ${soft} (ulimit -n)`,
    );
}

/**
 * Counts the receipts of each event by every connected client and resolves, per `seq`, with the
 * time the last client got it. Clients and servers share this process, so `performance.now()`
 * on both sides is one clock.
 */
export class ReceiptBoard {
  private readonly pending = new Map<number, { remaining: number; resolve: (last: number) => void }>();
  private readonly early = new Map<number, { count: number; last: number }>();

  constructor(private readonly clients: number) {}

  /** Resolves when all clients have received event `seq`, with the last receipt time. */
  allReceived(seq: number): Promise<number> {
    return new Promise((resolve) => {
      const early = this.early.get(seq);
      this.early.delete(seq);
      const remaining = this.clients - (early?.count ?? 0);
      if (remaining <= 0) return resolve(early!.last);
      this.pending.set(seq, { remaining, resolve });
    });
  }

  record(seq: number): void {
    const now = performance.now();
    const waiting = this.pending.get(seq);
    if (!waiting) {
      const early = this.early.get(seq) ?? { count: 0, last: 0 };
      this.early.set(seq, { count: early.count + 1, last: now });
      return;
    }
    waiting.remaining -= 1;
    if (waiting.remaining === 0) {
      this.pending.delete(seq);
      waiting.resolve(now);
    }
  }
}

export interface ClientSpec {
  /** Cookie header of a signed-in session (Vigie), or the room to join (bare server). */
  cookie?: string;
  room?: string;
}

/** Opens `specs.length` websocket clients in batches, each reporting its `event` receipts to `board`. */
export async function connectClients(
  url: string,
  path: string,
  specs: readonly ClientSpec[],
  board: ReceiptBoard,
): Promise<Socket[]> {
  const sockets: Socket[] = [];
  const batch = 50;
  for (let start = 0; start < specs.length; start += batch) {
    const opened = specs.slice(start, start + batch).map(
      (spec) =>
        new Promise<Socket>((resolve, reject) => {
          const socket = io(url, {
            path,
            transports: ['websocket'],
            reconnection: false,
            forceNew: true,
            extraHeaders: spec.cookie ? { cookie: spec.cookie } : {},
            auth: spec.room ? { room: spec.room } : {},
          });
          socket.on('event', (envelope: AnyLiveEnvelope) => board.record(envelope.seq));
          // Vigie answers `ready` after joining the rooms; the bare server says the same.
          socket.once('ready', () => resolve(socket));
          socket.once('connect_error', reject);
        }),
    );
    sockets.push(...(await Promise.all(opened)));
  }
  return sockets;
}

export function closeClients(sockets: readonly Socket[]): void {
  for (const socket of sockets) socket.close();
}

/**
 * The baseline: a bare socket.io server (no sign-in, no database) whose clients all join one room,
 * broadcasting an envelope to it. Same library, transport and process as Vigie's live channel.
 */
export class BareFanOut {
  static readonly path = '/bare';
  private seq = 1_000_000_000;

  private constructor(
    private readonly io: Server,
    private readonly board: ReceiptBoard,
    private readonly sockets: Socket[],
  ) {}

  static async start(clients: number, room: string): Promise<BareFanOut> {
    const http = createServer();
    const io = new Server(http, { path: BareFanOut.path, serveClient: false });
    io.on('connection', (socket) => {
      const { room: joined } = socket.handshake.auth as { room?: string };
      if (joined) void socket.join(joined);
      socket.emit('ready', { seq: 0, resync: false });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    const board = new ReceiptBoard(clients);
    const specs = Array.from({ length: clients }, () => ({ room }));
    const sockets = await connectClients(`http://127.0.0.1:${port}`, BareFanOut.path, specs, board);
    return new BareFanOut(io, board, sockets);
  }

  /** Emits the envelope (a fresh `seq`) to the room; resolves with ms from emit to the last receipt. */
  async broadcast(envelope: AnyLiveEnvelope, room: string): Promise<number> {
    this.seq += 1;
    const received = this.board.allReceived(this.seq);
    const emittedAt = performance.now();
    this.io.to(room).emit('event', { ...envelope, seq: this.seq });
    return (await received) - emittedAt;
  }

  async close(): Promise<void> {
    closeClients(this.sockets);
    await this.io.close();
  }
}

/**
 * Notes when each live event leaves the Writer (the Writer hands committed events to the publisher
 * right after commit), and the seq of the last event of `type` sent to `room`.
 */
export class CommitProbe {
  private readonly committedAt = new Map<number, number>();
  last: number | undefined;

  constructor(publisher: LivePublisher, type: string, room: string) {
    const publish = publisher.publish.bind(publisher);
    publisher.publish = (events: readonly StoredLiveEvent[]) => {
      const at = performance.now();
      for (const event of events) {
        this.committedAt.set(event.seq, at);
        if (event.type === type && (JSON.parse(event.rooms) as string[]).includes(room))
          this.last = event.seq;
      }
      publish(events);
    };
  }

  /** The seq of the watched event written by `write`, and when it was committed. */
  async around(write: () => Promise<unknown>): Promise<{ seq: number; committedAt: number }> {
    this.last = undefined;
    await write();
    const seq = this.last;
    if (seq === undefined) throw new Error('the write announced no watched event');
    return { seq, committedAt: this.committedAt.get(seq)! };
  }
}

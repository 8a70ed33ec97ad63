import { type ChildProcess, fork } from 'node:child_process';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AnyLiveEnvelope } from '@vigie/shared';
import { Server } from 'socket.io';

export type FleetRequest =
  | { kind: 'connect'; url: string; path: string; cookies: string[]; count: number }
  | {
      kind: 'catch-up';
      url: string;
      path: string;
      cookies: string[];
      count: number;
      /** What every dashboard saw before it went offline. */
      lastSeq: number;
      /** The seq every dashboard must reach. */
      target: number;
    }
  | { kind: 'close' };

export type FleetReply =
  | { kind: 'started' }
  | { kind: 'connected'; seq: number }
  | { kind: 'caught-up'; ms: number }
  | { kind: 'closed' }
  | { kind: 'failed'; message: string };

type Target = { url: string; path: string; cookies: string[] };

/** Live dashboards (socket.io clients) in a child process: the server's memory and CPU stay its own. */
export class DashboardFleet {
  private constructor(private readonly child: ChildProcess) {}

  static async start(): Promise<DashboardFleet> {
    const child = fork(new URL('./dashboard-fleet-child.ts', import.meta.url), [], {
      execArgv: [],
      serialization: 'json',
    });
    const fleet = new DashboardFleet(child);
    await fleet.reply();
    return fleet;
  }

  private reply(): Promise<FleetReply> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the dashboard fleet exited (${code})`));
      this.child.once('exit', onExit);
      this.child.once('message', (reply: FleetReply) => {
        this.child.off('exit', onExit);
        if (reply.kind === 'failed') reject(new Error(`dashboard fleet: ${reply.message}`));
        else resolve(reply);
      });
    });
  }

  private async ask<K extends FleetReply['kind']>(
    request: FleetRequest,
    kind: K,
  ): Promise<Extract<FleetReply, { kind: K }>> {
    const answer = this.reply();
    this.child.send(request);
    const reply = await answer;
    if (reply.kind !== kind) throw new Error(`dashboard fleet answered ${reply.kind}, not ${kind}`);
    return reply as Extract<FleetReply, { kind: K }>;
  }

  /**
   * Connects `count` more dashboards (each waits for `ready`; those connected before stay); resolves
   * with the lowest seq they start from.
   */
  async connect(target: Target, count: number): Promise<number> {
    return (await this.ask({ kind: 'connect', ...target, count }, 'connected')).seq;
  }

  /**
   * Closes the fleet, then reconnects `count` dashboards at once from `lastSeq`; ms until the last one
   * has seen `targetSeq`.
   */
  async catchUp(target: Target, count: number, lastSeq: number, targetSeq: number): Promise<number> {
    return (await this.ask({ kind: 'catch-up', ...target, count, lastSeq, target: targetSeq }, 'caught-up'))
      .ms;
  }

  async close(): Promise<void> {
    await this.ask({ kind: 'close' }, 'closed');
  }

  stop(): void {
    this.child.kill();
  }
}

/**
 * The baseline live server: bare socket.io (no session, no database) whose sockets join one room and,
 * when they say the last seq they saw, are re-sent the envelopes after it from memory, then `ready`.
 */
export class BareLiveServer {
  static readonly path = '/bare-live';
  /** The envelopes a reconnecting client may ask again, in seq order. */
  readonly log: AnyLiveEnvelope[] = [];

  private constructor(
    private readonly http: HttpServer,
    readonly io: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<BareLiveServer> {
    const http = createServer();
    const io = new Server(http, { path: BareLiveServer.path, serveClient: false });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const server = new BareLiveServer(http, io, `http://127.0.0.1:${(http.address() as AddressInfo).port}`);
    io.on('connection', (socket) => {
      void socket.join('staff');
      const { lastSeq } = socket.handshake.auth as { lastSeq?: number };
      if (lastSeq !== undefined)
        for (const envelope of server.log) if (envelope.seq > lastSeq) socket.emit('event', envelope);
      socket.emit('ready', { seq: server.log.at(-1)?.seq ?? 0, resync: false });
    });
    return server;
  }

  get target(): Target {
    return { url: this.url, path: BareLiveServer.path, cookies: [] };
  }

  async close(): Promise<void> {
    await this.io.close();
    this.http.close();
  }
}

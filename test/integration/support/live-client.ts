import type { ClientToServerEvents, AnyLiveEnvelope, LiveReady, ServerToClientEvents } from '@vigie/shared';
import { livePath } from '@vigie/shared';
import { io, type Socket } from 'socket.io-client';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client on the live channel that records what it receives. */
export class LiveClient {
  readonly socket: LiveSocket;
  readonly events: AnyLiveEnvelope[] = [];
  readonly readies: LiveReady[] = [];

  constructor(baseUrl: string, cookie: string | undefined, lastSeq?: number) {
    this.socket = io(baseUrl, {
      path: livePath,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: cookie ? { cookie } : {},
      auth: lastSeq === undefined ? {} : { lastSeq },
    });
    this.socket.on('event', (envelope) => this.events.push(envelope));
    this.socket.on('ready', (ready) => this.readies.push(ready));
  }

  /** Resolves at the first `ready`, or rejects with the server's refusal. */
  ready(): Promise<LiveReady> {
    return new Promise((resolve, reject) => {
      if (this.readies[0]) return resolve(this.readies[0]);
      this.socket.once('ready', resolve);
      this.socket.once('connect_error', reject);
    });
  }

  async until(
    predicate: (events: AnyLiveEnvelope[]) => boolean,
    timeoutMs = 3000,
  ): Promise<AnyLiveEnvelope[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.events)) {
      if (Date.now() > deadline)
        throw new Error(`timed out; received ${JSON.stringify(this.events.map((e) => e.type))}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.events;
  }

  disconnected(): Promise<string> {
    return new Promise((resolve) => {
      if (!this.socket.connected) return resolve('already');
      this.socket.once('disconnect', resolve);
    });
  }

  close(): void {
    this.socket.close();
  }
}

export const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms));

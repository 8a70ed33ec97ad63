import {
  liveEventPayloads,
  livePath,
  type AnyLiveEnvelope,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@vigie/shared';
import { useSyncExternalStore } from 'react';
import { io, type Socket } from 'socket.io-client';
import { LiveSequence } from './live-sequence';

export type { AnyLiveEnvelope };

export type LiveState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface LiveStatus {
  state: LiveState;
  /** When the current state began (the first failed attempt, for 'reconnecting'). */
  since: Date;
}

export interface LiveHandlers {
  onEvent: (envelope: AnyLiveEnvelope) => void;
  /** The views may be out of date: refetch everything on screen. */
  onResync: () => void;
  /** The server refused or dropped the session: check whether we are still signed in. */
  onSessionLost: () => void;
}

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A newer server may announce types this client does not know: they are dropped rather than mis-handled. */
function isKnownEnvelope(envelope: AnyLiveEnvelope): boolean {
  return Object.hasOwn(liveEventPayloads, envelope.type);
}

/** The one live channel of the app: a socket.io connection to `/live` on the same origin. */
export class LiveConnection {
  private socket: LiveSocket | null = null;
  private readonly sequence = new LiveSequence();
  private status: LiveStatus = { state: 'offline', since: new Date() };
  private readonly listeners = new Set<() => void>();
  private handlers: LiveHandlers | null = null;
  private refusals = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onBrowserOffline = () => this.setState('offline');
  private readonly onBrowserOnline = () => {
    if (this.socket && !this.socket.connected) this.setState('reconnecting');
  };

  start(handlers: LiveHandlers): void {
    this.handlers = handlers;
    if (this.socket) return;
    const socket: LiveSocket = io({
      path: livePath,
      autoConnect: false,
      // A function, so every reconnection sends the seq received last.
      auth: (cb) => cb(this.sequence.lastSeq === undefined ? {} : { lastSeq: this.sequence.lastSeq }),
    });
    socket.on('connect', () => {
      this.refusals = 0;
      this.setState('connected');
    });
    socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return;
      if (reason === 'io server disconnect') {
        // The server closed the socket on purpose (session ended?); socket.io will not retry by itself.
        this.refused();
        return;
      }
      this.setState(navigator.onLine ? 'reconnecting' : 'offline');
    });
    socket.on('connect_error', () => {
      // Refused by the server's middleware (not signed in, or unavailable): no automatic retry.
      if (!socket.active) this.refused();
      else this.setState(navigator.onLine ? 'reconnecting' : 'offline');
    });
    socket.on('ready', (ready) => {
      if (this.sequence.onReady(ready) === 'refetch-all') this.handlers?.onResync();
    });
    socket.on('event', (envelope) => {
      if (this.sequence.accept(envelope.seq) && isKnownEnvelope(envelope)) this.handlers?.onEvent(envelope);
    });
    window.addEventListener('offline', this.onBrowserOffline);
    window.addEventListener('online', this.onBrowserOnline);
    this.socket = socket;
    this.setState('connecting');
    socket.connect();
  }

  /** On sign-out: closes the socket and forgets the stream position (the next user starts afresh). */
  stop(): void {
    clearTimeout(this.retryTimer);
    this.refusals = 0;
    window.removeEventListener('offline', this.onBrowserOffline);
    window.removeEventListener('online', this.onBrowserOnline);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.handlers = null;
    this.sequence.reset();
    this.setState('offline');
  }

  getStatus = (): LiveStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * The server turned the socket away. If the session is gone, the app signs out and stop() cancels
   * the retry; otherwise (a server busy or restarting) try again, backing off up to 30 s.
   */
  private refused(): void {
    this.setState('offline');
    this.handlers?.onSessionLost();
    clearTimeout(this.retryTimer);
    const delayMs = Math.min(30_000, 2_000 * 2 ** this.refusals);
    this.refusals += 1;
    this.retryTimer = setTimeout(() => {
      if (this.socket && !this.socket.connected) {
        this.setState('reconnecting');
        this.socket.connect();
      }
    }, delayMs);
  }

  private setState(state: LiveState): void {
    if (state === this.status.state) return;
    // A reconnecting socket that goes through several failed attempts keeps its first "since".
    this.status = { state, since: new Date() };
    for (const listener of this.listeners) listener();
  }
}

export const liveConnection = new LiveConnection();

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(liveConnection.subscribe, liveConnection.getStatus);
}

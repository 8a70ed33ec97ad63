import { Injectable, Logger } from '@nestjs/common';
import type { AnyLiveEnvelope, ClientToServerEvents, LiveReady, ServerToClientEvents } from '@vigie/shared';
import type { Server, Socket } from 'socket.io';
import { roomsOf, toEnvelope, type StoredLiveEvent } from './live-envelope.js';
import { liveRooms, type LiveRoom } from './live-rooms.js';

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents>;
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/**
 * The only code that emits on the live channel (a lint rule keeps it so): committed events to
 * their rooms (see Writer), and a reconnecting socket's catch-up (see LiveGateway).
 */
@Injectable()
export class LivePublisher {
  private readonly logger = new Logger(LivePublisher.name);
  private server: LiveServer | undefined;

  attach(server: LiveServer): void {
    this.server = server;
  }

  publish(events: readonly StoredLiveEvent[]): void {
    if (!this.server) return;
    for (const event of events) {
      const rooms = roomsOf(event);
      if (rooms.length === 0) continue;
      this.server.to(rooms).emit('event', toEnvelope(event));
    }
  }

  /** What one socket missed, in order, then `ready`: from here on it receives what `publish` sends. */
  replay(socket: LiveSocket, missed: readonly AnyLiveEnvelope[], ready: LiveReady): void {
    for (const envelope of missed) socket.emit('event', envelope);
    socket.emit('ready', ready);
  }

  /** Disconnects every socket of a user, e.g. after a role change, so their rooms are recomputed. */
  disconnectUser(userId: number): void {
    this.disconnect(liveRooms.user(userId));
  }

  /** Disconnects the sockets opened with one session, at sign-out. */
  disconnectSession(sessionId: string): void {
    this.disconnect(liveRooms.session(sessionId));
  }

  private disconnect(room: LiveRoom): void {
    if (!this.server) return;
    this.server.in(room).disconnectSockets(true);
    this.logger.debug(`Disconnected live sockets of ${room}`);
  }
}

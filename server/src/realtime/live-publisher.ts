import { Injectable, Logger } from '@nestjs/common';
import type { ClientToServerEvents, ServerToClientEvents } from '@vigie/shared';
import type { Server } from 'socket.io';
import { roomsOf, toEnvelope, type StoredLiveEvent } from './live-envelope.js';
import { liveRooms, type LiveRoom } from './live-rooms.js';

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** The only code that emits live events. Fed with committed events only (see Writer). */
@Injectable()
export class LivePublisher {
  private readonly logger = new Logger(LivePublisher.name);
  private server: LiveServer | undefined;

  attach(server: LiveServer): void {
    this.server = server;
  }

  emit(events: readonly StoredLiveEvent[]): void {
    if (!this.server) return;
    for (const event of events) {
      const rooms = roomsOf(event);
      if (rooms.length === 0) continue;
      this.server.to(rooms).emit('event', toEnvelope(event));
    }
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

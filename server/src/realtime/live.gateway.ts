import { Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { liveHandshakeSchema, livePath } from '@vigie/shared';
import { SessionService } from '../auth/session.service.js';
import type { AppConfig } from '../config/app-config.js';
import { InjectConfig } from '../config/config.module.js';
import type { Actor } from '../common/request-context.js';
import { NativeDatabase } from '../database/native-database.js';
import { catchUp } from './live-catch-up.js';
import { LivePublisher, type LiveServer, type LiveSocket } from './live-publisher.js';
import { liveRooms, roomsFor } from './live-rooms.js';
import { boundOutgoingQueue, closeWithSession, sessionEnd } from './live-socket-limits.js';

interface SocketData {
  actor: Actor;
  sessionId: string;
}

/** The largest message the server accepts from a client (clients send nothing but the handshake). */
const maxHttpBufferSize = 64 * 1024;

@WebSocketGateway({ path: livePath, serveClient: false, maxHttpBufferSize, cors: { origin: false } })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(LiveGateway.name);

  constructor(
    private readonly sessions: SessionService,
    private readonly publisher: LivePublisher,
    private readonly database: NativeDatabase,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  afterInit(server: LiveServer): void {
    this.publisher.attach(server);
    // Only a signed-in session gets a socket: the same cookie as the REST API.
    server.use((socket, next) => {
      this.sessions
        .resolve(socket.handshake.headers.cookie)
        .then((authenticated) => {
          if (!authenticated) return next(new Error('unauthenticated'));
          const data = socket.data as SocketData;
          data.actor = authenticated.actor;
          data.sessionId = authenticated.session.id;
          next();
        })
        .catch((error: unknown) => {
          this.logger.error(error);
          next(new Error('unavailable'));
        });
    });
  }

  handleConnection(socket: LiveSocket): void {
    const { actor, sessionId } = socket.data as SocketData;
    const handshake = liveHandshakeSchema.safeParse(socket.handshake.auth);
    const lastSeq = handshake.success ? handshake.data.lastSeq : undefined;
    // The session may have ended (sign-out, role or tenant change, deactivation) while the
    // handshake was being checked. This read and the joins below run in one synchronous step:
    // either the socket is refused here, or it is in its user's rooms when the change drops them.
    const end = sessionEnd(this.database.handle, sessionId);
    if (end === undefined) {
      socket.disconnect(true);
      return;
    }
    const rooms = roomsFor(actor);
    // Join and replay in one synchronous step so nothing is missed or doubled in between.
    void socket.join([...rooms, liveRooms.session(sessionId)]);
    const { missed, seq, resync } = catchUp(this.database.handle, lastSeq, rooms);
    this.publisher.replay(socket, missed, { seq, resync: resync || !handshake.success });
    // Counted from here: the replay above is already bounded by `maxReplay`.
    boundOutgoingQueue(socket, this.config.liveQueueKb * 1024);
    closeWithSession(socket, this.database.handle, sessionId, end);
  }
}

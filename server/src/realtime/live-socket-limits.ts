import type { Database } from 'better-sqlite3';
import type { Socket } from 'socket.io';

interface EnginePacket {
  data?: unknown;
}

const sizeOf = (packet: EnginePacket): number =>
  typeof packet.data === 'string'
    ? packet.data.length
    : Buffer.isBuffer(packet.data)
      ? packet.data.length
      : 0;

/**
 * Drops the socket once more than `limit` characters of encoded packets (about bytes: the
 * envelopes are JSON) wait in its engine.io write buffer; `VIGIE_LIVE_QUEUE_KB`, 1 MiB by
 * default. A dashboard that stops reading (frozen tab, a long-polling client that no longer
 * polls, a dead link TCP has not noticed yet) would otherwise make the server keep every event
 * for it until the ping timeout. Dropped, it reconnects by itself and catches up by `seq` (or is
 * told to refetch). 1 MiB is hundreds of events behind: a healthy client never gets near it.
 *
 * The buffer is handed to the transport (and the tally reset) at each `flush`; a transport that
 * does not drain never flushes again, so the tally only grows for a stuck client.
 */
export function boundOutgoingQueue(socket: Socket, limit: number): void {
  const engine = socket.conn;
  let queued = 0;
  engine.on('flush', () => {
    queued = 0;
  });
  engine.on('packetCreate', (packet: EnginePacket) => {
    queued += sizeOf(packet);
    if (queued <= limit) return;
    queued = 0;
    // Close the transport, discarding the buffer: not `socket.disconnect()`, which waits for
    // the buffer to drain and tells the client not to reconnect. The client sees a transport
    // close, reconnects with its last seq and gets what it missed.
    engine.close(true);
  });
}

/** When the session behind a socket ends (ms since epoch), or undefined if it is gone or over. */
export function sessionEnd(db: Database, sessionId: string, now = Date.now()): number | undefined {
  const row = db
    .prepare('select idle_expires_at as idle, absolute_expires_at as absolute from user_session where id = ?')
    .get(sessionId) as { idle: number; absolute: number } | undefined;
  if (!row) return undefined;
  const end = Math.min(Number(row.idle), Number(row.absolute));
  return end > now ? end : undefined;
}

/** setTimeout's longest delay; a longer wait is taken in steps. */
const maxTimerMs = 2 ** 31 - 1;

/**
 * Disconnects the socket when its session expires. Sign-out and access changes delete the
 * session and drop its sockets at once; expiry deletes nothing, so without this a socket
 * would outlive its session. The socket itself does not extend the session: only requests do.
 */
export function closeWithSession(socket: Socket, db: Database, sessionId: string, end: number): void {
  let timer: NodeJS.Timeout | undefined;
  const wait = (until: number) => {
    timer = setTimeout(check, Math.min(until - Date.now() + 50, maxTimerMs));
    timer.unref();
  };
  // Idle expiry slides with requests, so at the deadline read it again before dropping.
  const check = () => {
    const next = sessionEnd(db, sessionId);
    if (next === undefined) socket.disconnect(true);
    else wait(next);
  };
  wait(end);
  socket.once('disconnect', () => clearTimeout(timer));
}

import { z } from 'zod';
import { userSchema } from '../auth/user.schema.js';

/** The socket.io path of the live channel. */
export const livePath = '/live';

/**
 * The one map of live events: type name → payload schema. Types are `<entity>.<verb>`.
 * Both the server publisher and the client subscriptions are typed from this map.
 */
export const liveEventPayloads = {
  'user.created': userSchema,
  'user.updated': userSchema,
} as const;
export type LiveEventType = keyof typeof liveEventPayloads;
export type LiveEventPayload<T extends LiveEventType> = z.infer<(typeof liveEventPayloads)[T]>;

/** Every event travels in this envelope; `seq` increases server-wide and is stored with the change. */
export interface LiveEnvelope<T extends LiveEventType = LiveEventType> {
  seq: number;
  type: T;
  at: string;
  payload: LiveEventPayload<T>;
}

/** Sent by a (re)connecting client in the handshake `auth` to receive what it missed. */
export const liveHandshakeSchema = z.object({
  lastSeq: z.number().int().nonnegative().optional(),
});
export type LiveHandshake = z.infer<typeof liveHandshakeSchema>;

/** The server's answer after the handshake: where the stream stands, and whether to refetch. */
export interface LiveReady {
  seq: number;
  /** true when the missed events could not all be replayed: the client must refetch its views. */
  resync: boolean;
}

export interface ServerToClientEvents {
  event: (envelope: LiveEnvelope) => void;
  ready: (ready: LiveReady) => void;
}
export type ClientToServerEvents = Record<string, never>;

import type { Database } from 'better-sqlite3';
import type { AnyLiveEnvelope } from '@vigie/shared';
import { roomsOf, toEnvelope, type StoredLiveEvent } from './live-envelope.js';
import type { LiveRoom } from './live-rooms.js';

/** Beyond this many missed events a client is told to refetch rather than replay. */
export const maxReplay = 1000;

export interface CatchUp {
  missed: AnyLiveEnvelope[];
  seq: number;
  resync: boolean;
}

/**
 * Reads what a reconnecting client missed. Synchronous on purpose: run in the same tick as the
 * socket joins its rooms, so no event can fall between the replay and the live stream.
 */
export function catchUp(db: Database, lastSeq: number | undefined, rooms: readonly LiveRoom[]): CatchUp {
  const head = db.prepare('select coalesce(max(seq), 0) as seq from live_event').get() as { seq: number };
  if (lastSeq === undefined) return { missed: [], seq: head.seq, resync: false };
  if (lastSeq > head.seq) return { missed: [], seq: head.seq, resync: true };
  const oldest = db.prepare('select min(seq) as seq from live_event').get() as { seq: number | null };
  if (oldest.seq !== null && lastSeq < oldest.seq - 1) return { missed: [], seq: head.seq, resync: true };

  const visible = new Set<string>(rooms);
  const missed: AnyLiveEnvelope[] = [];
  const rows = db
    .prepare('select seq, type, at, payload, rooms from live_event where seq > ? and seq <= ? order by seq')
    .iterate(lastSeq, head.seq) as IterableIterator<StoredLiveEvent>;
  for (const row of rows) {
    if (!roomsOf(row).some((room) => visible.has(room))) continue;
    if (missed.length === maxReplay) return { missed: [], seq: head.seq, resync: true };
    missed.push(toEnvelope(row));
  }
  return { missed, seq: head.seq, resync: false };
}

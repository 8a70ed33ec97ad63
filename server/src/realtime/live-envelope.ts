import type { AnyLiveEnvelope } from '@vigie/shared';
import type { LiveRoom } from './live-rooms.js';

export interface StoredLiveEvent {
  seq: number;
  type: string;
  at: Date | string | number;
  payload: string;
  rooms: string;
}

/** Stored events were written through the typed map (`WriteContext.announce`), so type and payload match. */
export function toEnvelope(event: StoredLiveEvent): AnyLiveEnvelope {
  return {
    seq: event.seq,
    type: event.type,
    at: new Date(event.at).toISOString(),
    payload: JSON.parse(event.payload) as unknown,
  } as AnyLiveEnvelope;
}

export function roomsOf(event: StoredLiveEvent): LiveRoom[] {
  return JSON.parse(event.rooms) as LiveRoom[];
}

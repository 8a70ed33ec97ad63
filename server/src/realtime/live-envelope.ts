import type { LiveEnvelope, LiveEventType } from '@vigie/shared';
import type { LiveRoom } from './live-rooms.js';

export interface StoredLiveEvent {
  seq: number;
  type: string;
  at: Date | string | number;
  payload: string;
  rooms: string;
}

export function toEnvelope(event: StoredLiveEvent): LiveEnvelope {
  return {
    seq: event.seq,
    type: event.type as LiveEventType,
    at: new Date(event.at).toISOString(),
    payload: JSON.parse(event.payload) as LiveEnvelope['payload'],
  };
}

export function roomsOf(event: StoredLiveEvent): LiveRoom[] {
  return JSON.parse(event.rooms) as LiveRoom[];
}

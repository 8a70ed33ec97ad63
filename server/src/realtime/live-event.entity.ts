import { defineEntity, p } from '@mikro-orm/core';

/**
 * A live event, stored in the same transaction as the change it announces. `seq` orders the
 * stream server-wide; `rooms` says who may receive it, for emission and for reconnect catch-up.
 */
const LiveEventSchema = defineEntity({
  name: 'LiveEvent',
  properties: {
    seq: p.integer().primary(),
    type: p.string().length(64),
    at: p.datetime(),
    payload: p.text(),
    rooms: p.text(),
  },
});

export class LiveEvent extends LiveEventSchema.class {}
LiveEventSchema.setClass(LiveEvent);

import { defineEntity, p } from '@mikro-orm/core';
import { User } from './user.entity.js';

/** A server-side session. `id` is a keyed hash of the cookie token: a database leak reveals no usable token. */
const SessionSchema = defineEntity({
  name: 'Session',
  tableName: 'user_session',
  properties: {
    id: p.string().length(64).primary(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    createdAt: p.datetime(),
    lastSeenAt: p.datetime(),
    idleExpiresAt: p.datetime().index(),
    absoluteExpiresAt: p.datetime(),
    ip: p.string().length(64),
    userAgent: p.string().length(300),
  },
});

export class Session extends SessionSchema.class {}
SessionSchema.setClass(Session);

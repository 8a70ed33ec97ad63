import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../auth/user.entity.js';
import { Site } from '../inventory/site.entity.js';

/**
 * A submitted shift handover. The snapshot is stored exactly as submitted (JSON) so what the
 * outgoing coordinator handed over can be shown later; only the acknowledgement is added to it.
 */
const HandoverSchema = defineEntity({
  name: 'Handover',
  indexes: [{ properties: ['site', 'state'] }],
  properties: {
    id: p.integer().primary(),
    site: () => p.manyToOne(Site),
    shiftStart: p.datetime(),
    shiftEnd: p.datetime(),
    outgoing: () => p.manyToOne(User),
    incoming: () => p.manyToOne(User).nullable(),
    state: p.enum(['submitted', 'acknowledged'] as const),
    snapshot: p.text(),
    notes: p.text(),
    submittedAt: p.datetime(),
    acknowledgedAt: p.datetime().nullable(),
  },
});

export class Handover extends HandoverSchema.class {}
HandoverSchema.setClass(Handover);

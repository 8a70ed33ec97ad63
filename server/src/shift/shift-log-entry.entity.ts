import { defineEntity, p } from '@mikro-orm/core';
import { shiftLogCategories } from '@vigie/shared';
import { User } from '../auth/user.entity.js';
import { Site } from '../inventory/site.entity.js';

/**
 * One main courante entry. Append-only: no route updates or deletes it; a correction is a new
 * entry whose `corrects` points to the entry it corrects.
 */
const ShiftLogEntrySchema = defineEntity({
  name: 'ShiftLogEntry',
  indexes: [{ properties: ['site', 'at'] }],
  properties: {
    id: p.integer().primary(),
    site: () => p.manyToOne(Site),
    at: p.datetime(),
    author: () => p.manyToOne(User),
    category: p.enum(shiftLogCategories),
    text: p.text(),
    /** JSON array of `{ kind, id, label }` as written (labels frozen at write time). */
    links: p.text(),
    corrects: () => p.manyToOne(ShiftLogEntry).nullable().index(),
  },
});

export class ShiftLogEntry extends ShiftLogEntrySchema.class {}
ShiftLogEntrySchema.setClass(ShiftLogEntry);

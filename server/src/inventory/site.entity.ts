import { defineEntity, p } from '@mikro-orm/core';

const SiteSchema = defineEntity({
  name: 'Site',
  properties: {
    id: p.integer().primary(),
    code: p.string().length(16).unique(),
    name: p.string().length(200),
    address: p.string().length(500).default(''),
    timeZone: p.string().length(64),
    countryCode: p.string().length(2),
    pueTarget: p.float().nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Site extends SiteSchema.class {}
SiteSchema.setClass(Site);

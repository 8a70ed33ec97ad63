import { defineEntity, p } from '@mikro-orm/core';
import { locales, roles } from '@vigie/shared';
import { Tenant } from '../inventory/tenant.entity.js';

const UserSchema = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    id: p.integer().primary(),
    username: p.string().length(64).unique(),
    displayName: p.string().length(120),
    role: p.enum(roles),
    tenant: () => p.manyToOne(Tenant).nullable(),
    locale: p.enum(locales).default('fr'),
    passwordHash: p.string().length(200).hidden().lazy(),
    active: p.boolean().default(true),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class User extends UserSchema.class {}
UserSchema.setClass(User);

import { defineEntity, p } from '@mikro-orm/core';
import { airflows, type PowerPort } from '@vigie/shared';

const DeviceTypeSchema = defineEntity({
  name: 'DeviceType',
  properties: {
    id: p.integer().primary(),
    manufacturer: p.string().length(100),
    model: p.string().length(100),
    slug: p.string().length(100).unique(),
    partNumber: p.string().length(100).default(''),
    /** Rack units: 0 for zero-U, halves allowed. */
    uHeight: p.float().default(1),
    isFullDepth: p.boolean().default(true),
    airflow: p.enum(airflows).nullable(),
    weightKg: p.float().nullable(),
    /**
     * Port templates as one JSON value rather than a child table: they are always read and
     * replaced with their type (a library import rewrites the list), nothing references a single
     * template, and per-device power ports (cabled to PDU outlets) will be entities of their own.
     */
    powerPorts: p.json<PowerPort[]>(),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class DeviceType extends DeviceTypeSchema.class {}
DeviceTypeSchema.setClass(DeviceType);

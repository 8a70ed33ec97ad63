import { defineEntity, p } from '@mikro-orm/core';
import {
  cancellationReasons,
  incidentOrigins,
  incidentStatuses,
  pendingReasons,
  priorities,
  procedureCategories,
  resolutionCodes,
} from '@vigie/shared';
import { User } from '../auth/user.entity.js';
import { tenantScopeFilter } from '../common/tenant-scope.js';
import { Device } from '../inventory/device.entity.js';
import { Rack } from '../inventory/rack.entity.js';
import { Room } from '../inventory/room.entity.js';
import { Site } from '../inventory/site.entity.js';
import { Tenant } from '../inventory/tenant.entity.js';
import { ProcedureRun } from '../runs/procedure-run.entity.js';

/**
 * An incident. Its reference (`INC-000123`) is derived from the id, which the database hands out
 * once and never reuses, so two incidents opened at the same instant can never share one.
 */
const IncidentSchema = defineEntity({
  name: 'Incident',
  // A client viewer sees an incident when their tenant is among the affected ones.
  filters: tenantScopeFilter('tenants'),
  // The steering report selects incidents by opening time.
  indexes: [{ properties: ['openedAt'] }],
  properties: {
    id: p.integer().primary(),
    title: p.string().length(200),
    description: p.text(),
    category: p.enum(procedureCategories).nullable(),
    origin: p.enum(incidentOrigins),
    impact: p.integer(),
    urgency: p.integer(),
    major: p.boolean().default(false),
    priority: p.enum(priorities),
    status: p.enum(incidentStatuses).index(),
    pendingReason: p.enum(pendingReasons).nullable(),
    resolutionCode: p.enum(resolutionCodes).nullable(),
    solution: p.text().nullable(),
    cancellationReason: p.enum(cancellationReasons).nullable(),
    duplicateOf: () => p.manyToOne(Incident).nullable(),
    /** The procedure run it was raised from (a change that caused an incident is not a successful one). */
    sourceRun: () => p.manyToOne(ProcedureRun).nullable().index(),
    site: () => p.manyToOne(Site).nullable(),
    room: () => p.manyToOne(Room).nullable(),
    racks: () => p.manyToMany(Rack).owner(),
    devices: () => p.manyToMany(Device).owner(),
    tenants: () => p.manyToMany(Tenant).owner(),
    /** true while the tenants follow the affected racks and devices. */
    tenantsDerived: p.boolean().default(true),
    assignee: () => p.manyToOne(User).nullable(),
    workaround: p.text().nullable(),
    rootCause: p.text().nullable(),
    escalationLevel: p.integer().default(0),
    /** The contract whose policy drives the clocks (null: internal default); an id, not a relation, so tenant scoping never hides the incident. */
    slaContractId: p.integer().nullable(),
    /** Board order: priority rank then the nearest running due time (see `boardRankOf`). */
    boardRank: p.string().length(32).index(),
    nextDueAt: p.datetime().nullable(),
    openedAt: p.datetime(),
    acknowledgedAt: p.datetime().nullable(),
    mitigatedAt: p.datetime().nullable(),
    resolvedAt: p.datetime().nullable(),
    closedAt: p.datetime().nullable(),
    cancelledAt: p.datetime().nullable(),
    createdBy: () => p.manyToOne(User).nullable(),
    updatedBy: () => p.manyToOne(User).nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Incident extends IncidentSchema.class {}
IncidentSchema.setClass(Incident);

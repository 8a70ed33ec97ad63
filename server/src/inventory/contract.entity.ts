import { defineEntity, p } from '@mikro-orm/core';
import {
  serviceHoursKinds,
  type BusinessHours,
  type ContractContact,
  type PriorityMatrix,
  type SlaPolicy,
} from '@vigie/shared';
import { tenantScopeFilter } from '../common/tenant-scope.js';
import { Tenant } from './tenant.entity.js';

/** A tenant's service contract: its service hours and SLA targets drive the incident clocks. */
const ContractSchema = defineEntity({
  name: 'Contract',
  filters: tenantScopeFilter('tenant'),
  properties: {
    id: p.integer().primary(),
    // Many-to-one: one contract per tenant for now, renewals and amendments later.
    tenant: () => p.manyToOne(Tenant),
    reference: p.string().length(64).unique(),
    serviceHours: p.enum(serviceHoursKinds),
    /** Null for 24x7 contracts. */
    businessHours: p.json<BusinessHours>().nullable(),
    slaPolicy: p.json<SlaPolicy>(),
    /** Impact × urgency → priority for this tenant's incidents; null = the default ITIL matrix. */
    priorityMatrix: p.json<PriorityMatrix>().nullable(),
    contacts: p.json<ContractContact[]>(),
    startsOn: p.date(),
    endsOn: p.date().nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Contract extends ContractSchema.class {}
ContractSchema.setClass(Contract);

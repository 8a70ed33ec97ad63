import { Injectable } from '@nestjs/common';
import type { Contract as ContractDto, CreateContract, UpdateContract } from '@vigie/shared';
import { notFound, staleVersion } from '../common/domain-error.js';
import { Writer } from '../database/writer.js';
import { liveRooms } from '../realtime/live-rooms.js';
import { Contract } from './contract.entity.js';
import { assignDefined, referenced, ruleViolation, taken } from './inventory-write-support.js';
import { toContractDto } from './inventory.mappers.js';
import { Tenant } from './tenant.entity.js';

/** Contracts are read by administrators and service delivery managers only. */
const contractRooms = [liveRooms.role('admin'), liveRooms.role('manager')];

@Injectable()
export class ContractsService {
  constructor(private readonly writer: Writer) {}

  create(input: CreateContract): Promise<ContractDto> {
    return this.writer.run(async (tx) => {
      const tenant = await referenced(tx.em, Tenant, input.tenantId, 'tenantId', 'tenant');
      if (await tx.em.count(Contract, { reference: input.reference }))
        throw taken('reference', 'This reference');
      const { tenantId: _tenantId, ...fields } = input;
      const contract = tx.em.create(Contract, { ...fields, tenant });
      await tx.em.flush();
      const after = toContractDto(contract);
      await tx.audit({ action: 'contract.create', entityType: 'Contract', entityId: contract.id, after });
      tx.announce('contract.created', after, contractRooms);
      return after;
    });
  }

  update(id: number, change: UpdateContract): Promise<ContractDto> {
    return this.writer.run(async (tx) => {
      const contract = await tx.em.findOne(Contract, { id });
      if (!contract) throw notFound('Contract');
      const before = toContractDto(contract);
      if (contract.version !== change.version) throw staleVersion(before);
      if (
        change.reference &&
        change.reference !== contract.reference &&
        (await tx.em.count(Contract, { reference: change.reference }))
      ) {
        throw taken('reference', 'This reference');
      }
      const startsOn = change.startsOn ?? contract.startsOn;
      const endsOn = change.endsOn !== undefined ? change.endsOn : (contract.endsOn ?? null);
      if (endsOn !== null && endsOn < startsOn)
        throw ruleViolation('endsOn', 'A contract cannot end before it starts');
      const { version: _version, ...fields } = change;
      assignDefined(contract, fields);
      await tx.em.flush();
      const after = toContractDto(contract);
      await tx.audit({
        action: 'contract.update',
        entityType: 'Contract',
        entityId: contract.id,
        before,
        after,
      });
      tx.announce('contract.updated', after, contractRooms);
      return after;
    });
  }
}

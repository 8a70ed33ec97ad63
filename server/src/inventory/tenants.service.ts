import { Injectable } from '@nestjs/common';
import type { CreateTenant, Tenant as TenantDto, UpdateTenant } from '@vigie/shared';
import { notFound, staleVersion } from '../common/domain-error.js';
import { Writer } from '../database/writer.js';
import { User } from '../auth/user.entity.js';
import { Contract } from './contract.entity.js';
import { Device } from './device.entity.js';
import { removeIfUnused } from './inventory-delete.js';
import { Rack } from './rack.entity.js';
import { assignDefined, taken, tenantRooms } from './inventory-write-support.js';
import { toTenantDto } from './inventory.mappers.js';
import { Tenant } from './tenant.entity.js';

@Injectable()
export class TenantsService {
  constructor(private readonly writer: Writer) {}

  create(input: CreateTenant): Promise<TenantDto> {
    return this.writer.run(async (tx) => {
      if (await tx.em.count(Tenant, { code: input.code })) throw taken('code', 'This tenant code');
      const tenant = tx.em.create(Tenant, input);
      await tx.em.flush();
      const after = toTenantDto(tenant);
      await tx.audit({ action: 'tenant.create', entityType: 'Tenant', entityId: tenant.id, after });
      tx.announce('tenant.created', after, tenantRooms(tenant.id));
      return after;
    });
  }

  update(id: number, change: UpdateTenant): Promise<TenantDto> {
    return this.writer.run(async (tx) => {
      const tenant = await tx.em.findOne(Tenant, { id });
      if (!tenant) throw notFound('Tenant');
      const before = toTenantDto(tenant);
      if (tenant.version !== change.version) throw staleVersion(before);
      if (change.code && change.code !== tenant.code && (await tx.em.count(Tenant, { code: change.code }))) {
        throw taken('code', 'This tenant code');
      }
      const { version: _version, ...fields } = change;
      assignDefined(tenant, fields);
      await tx.em.flush();
      const after = toTenantDto(tenant);
      await tx.audit({ action: 'tenant.update', entityType: 'Tenant', entityId: tenant.id, before, after });
      tx.announce('tenant.updated', after, tenantRooms(tenant.id));
      return after;
    });
  }

  /** 409 while racks, devices, contracts or users of the tenant remain. */
  delete(id: number, version: number): Promise<void> {
    return this.writer.run(async (tx) => {
      await removeIfUnused(
        tx,
        {
          entity: Tenant,
          label: 'Tenant',
          action: 'tenant.delete',
          toDto: toTenantDto,
          uses: async (tenant) => ({
            racks: await tx.em.count(Rack, { tenant }, { filters: false }),
            devices: await tx.em.count(Device, { tenant }, { filters: false }),
            contracts: await tx.em.count(Contract, { tenant }, { filters: false }),
            users: await tx.em.count(User, { tenant }),
          }),
        },
        id,
        version,
      );
      tx.announce('tenant.deleted', { id }, tenantRooms(id));
    });
  }
}

import { Injectable } from '@nestjs/common';
import type { CreateDevice, Device as DeviceDto, UpdateDevice } from '@vigie/shared';
import { notFound, staleVersion } from '../common/domain-error.js';
import { Writer, type WriteContext } from '../database/writer.js';
import { DeviceType } from './device-type.entity.js';
import { Device } from './device.entity.js';
import { checkPlacement, checkRackTenant } from './device-placement.js';
import { referenced, taken, tenantRooms } from './inventory-write-support.js';
import { toDeviceDto } from './inventory.mappers.js';
import { Rack } from './rack.entity.js';
import { Tenant } from './tenant.entity.js';

@Injectable()
export class DevicesService {
  constructor(private readonly writer: Writer) {}

  create(input: CreateDevice): Promise<DeviceDto> {
    return this.writer.run(async (tx) => {
      const after = await this.createIn(tx, input);
      tx.announce('device.created', after, tenantRooms(after.tenantId));
      return after;
    });
  }

  update(id: number, change: UpdateDevice): Promise<DeviceDto> {
    return this.writer.run(async (tx) => {
      const { before, after } = await this.updateIn(tx, id, change);
      tx.announce('device.updated', after, tenantRooms(before.tenantId, after.tenantId));
      return after;
    });
  }

  /** Creates and audits a device inside a write; the caller announces it (one event per import, not per row). */
  async createIn(tx: WriteContext, input: CreateDevice): Promise<DeviceDto> {
    const type = await referenced(tx.em, DeviceType, input.deviceTypeId, 'deviceTypeId', 'device type');
    const rack = input.rackId === null ? null : await referenced(tx.em, Rack, input.rackId, 'rackId', 'rack');
    const tenant =
      input.tenantId === null ? null : await referenced(tx.em, Tenant, input.tenantId, 'tenantId', 'tenant');
    await this.checkAssetTag(tx, input.assetTag, null);
    checkRackTenant(tenant, rack, 'rackId');
    await checkPlacement(tx.em, { deviceId: null, type, rack, position: input.position, face: input.face });
    const device = tx.em.create(Device, {
      name: input.name,
      deviceType: type,
      rack,
      position: input.position,
      face: input.face,
      status: input.status,
      tenant,
      serial: input.serial,
      assetTag: input.assetTag,
    });
    await tx.em.flush();
    const after = toDeviceDto(device);
    await tx.audit({ action: 'device.create', entityType: 'Device', entityId: device.id, after });
    return after;
  }

  async updateIn(
    tx: WriteContext,
    id: number,
    change: UpdateDevice,
  ): Promise<{ before: DeviceDto; after: DeviceDto }> {
    const device = await tx.em.findOne(
      Device,
      { id },
      { populate: ['deviceType', 'rack', 'tenant'], filters: false },
    );
    if (!device) throw notFound('Device');
    const before = toDeviceDto(device);
    if (device.version !== change.version) throw staleVersion(before);
    const type =
      change.deviceTypeId !== undefined
        ? await referenced(tx.em, DeviceType, change.deviceTypeId, 'deviceTypeId', 'device type')
        : device.deviceType;
    const rack =
      change.rackId === undefined
        ? (device.rack ?? null)
        : change.rackId === null
          ? null
          : await referenced(tx.em, Rack, change.rackId, 'rackId', 'rack');
    // Taking a device out of its rack clears where it stood unless told otherwise.
    const unracking = change.rackId === null;
    const position =
      change.position !== undefined ? change.position : unracking ? null : (device.position ?? null);
    const face = change.face !== undefined ? change.face : unracking ? null : (device.face ?? null);
    const tenant =
      change.tenantId === undefined
        ? (device.tenant ?? null)
        : change.tenantId === null
          ? null
          : await referenced(tx.em, Tenant, change.tenantId, 'tenantId', 'tenant');
    checkRackTenant(tenant, rack, change.rackId !== undefined ? 'rackId' : 'tenantId');
    await checkPlacement(tx.em, { deviceId: device.id, type, rack, position, face });
    if (change.assetTag !== undefined) await this.checkAssetTag(tx, change.assetTag, device.id);
    device.tenant = tenant;
    device.deviceType = type;
    device.rack = rack;
    device.position = position;
    device.face = face;
    if (change.name !== undefined) device.name = change.name;
    if (change.status !== undefined) device.status = change.status;
    if (change.serial !== undefined) device.serial = change.serial;
    if (change.assetTag !== undefined) device.assetTag = change.assetTag;
    await tx.em.flush();
    const after = toDeviceDto(device);
    await tx.audit({ action: 'device.update', entityType: 'Device', entityId: device.id, before, after });
    return { before, after };
  }

  delete(id: number, version: number): Promise<void> {
    return this.writer.run(async (tx) => {
      const device = await tx.em.findOne(Device, { id }, { filters: false });
      if (!device) throw notFound('Device');
      const before = toDeviceDto(device);
      if (device.version !== version) throw staleVersion(before);
      tx.em.remove(device);
      await tx.em.flush();
      await tx.audit({ action: 'device.delete', entityType: 'Device', entityId: id, before });
      tx.announce('device.deleted', { id, rackId: before.rackId }, tenantRooms(before.tenantId));
    });
  }

  private async checkAssetTag(tx: WriteContext, assetTag: string | null, self: number | null): Promise<void> {
    if (assetTag === null) return;
    const where = self === null ? { assetTag } : { assetTag, id: { $ne: self } };
    if (await tx.em.count(Device, where, { filters: false })) throw taken('assetTag', 'This asset tag');
  }
}

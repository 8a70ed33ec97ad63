import { Injectable } from '@nestjs/common';
import type { CreateRack, Rack as RackDto, UpdateRack } from '@vigie/shared';
import { DomainError, notFound, staleVersion } from '../common/domain-error.js';
import { Writer, type WriteContext } from '../database/writer.js';
import { Device } from './device.entity.js';
import { assignDefined, referenced, ruleViolation, taken, tenantRooms } from './inventory-write-support.js';
import { toRackDto } from './inventory.mappers.js';
import { Rack } from './rack.entity.js';
import { Room } from './room.entity.js';
import { Tenant } from './tenant.entity.js';

@Injectable()
export class RacksService {
  constructor(private readonly writer: Writer) {}

  create(input: CreateRack): Promise<RackDto> {
    return this.writer.run(async (tx) => {
      const after = await this.createIn(tx, input);
      tx.announce('rack.created', after, tenantRooms(after.tenantId));
      return after;
    });
  }

  update(id: number, change: UpdateRack): Promise<RackDto> {
    return this.writer.run(async (tx) => {
      const { before, after } = await this.updateIn(tx, id, change);
      // A shared rack is also seen by the tenants whose devices it holds.
      const guests = await this.deviceTenantsIn(tx, id);
      tx.announce('rack.updated', after, tenantRooms(before.tenantId, after.tenantId, ...guests));
      return after;
    });
  }

  /** Creates and audits a rack inside a write; the caller announces it (one event per import, not per row). */
  async createIn(tx: WriteContext, input: CreateRack): Promise<RackDto> {
    const room = await referenced(tx.em, Room, input.roomId, 'roomId', 'room');
    const tenant =
      input.tenantId === null ? null : await referenced(tx.em, Tenant, input.tenantId, 'tenantId', 'tenant');
    await this.checkPlace(tx, null, room, input.name, input.gridX, input.gridY);
    const { roomId: _room, tenantId: _tenant, ...fields } = input;
    const rack = tx.em.create(Rack, { ...fields, room, tenant });
    await tx.em.flush();
    const after = toRackDto(rack);
    await tx.audit({ action: 'rack.create', entityType: 'Rack', entityId: rack.id, after });
    return after;
  }

  async updateIn(
    tx: WriteContext,
    id: number,
    change: UpdateRack,
  ): Promise<{ before: RackDto; after: RackDto }> {
    const rack = await tx.em.findOne(Rack, { id }, { filters: false });
    if (!rack) throw notFound('Rack');
    const before = toRackDto(rack);
    if (rack.version !== change.version) throw staleVersion(before);
    const room =
      change.roomId !== undefined
        ? await referenced(tx.em, Room, change.roomId, 'roomId', 'room')
        : rack.room;
    await this.checkPlace(
      tx,
      rack.id,
      room,
      change.name ?? rack.name,
      change.gridX ?? rack.gridX,
      change.gridY ?? rack.gridY,
    );
    if (change.uHeight !== undefined && change.uHeight < rack.uHeight) {
      const top = await tx.em.find(
        Device,
        { rack, position: { $ne: null } },
        {
          populate: ['deviceType'],
          filters: false,
        },
      );
      const overflow = top.find(
        (device) => (device.position ?? 0) + device.deviceType.uHeight - 1 > change.uHeight!,
      );
      if (overflow) {
        throw ruleViolation('uHeight', `Device ${overflow.name} would no longer fit in ${change.uHeight}U`);
      }
    }
    if (change.tenantId !== undefined) {
      rack.tenant =
        change.tenantId === null
          ? null
          : await referenced(tx.em, Tenant, change.tenantId, 'tenantId', 'tenant');
      if (rack.tenant) await this.checkDevicesTenant(tx, rack, rack.tenant);
    }
    const { version: _version, roomId: _room, tenantId: _tenant, ...fields } = change;
    assignDefined(rack, fields);
    rack.room = room;
    await tx.em.flush();
    const after = toRackDto(rack);
    await tx.audit({ action: 'rack.update', entityType: 'Rack', entityId: rack.id, before, after });
    return { before, after };
  }

  /** A rack that still holds devices is not deleted: they would silently become unracked. */
  delete(id: number, version: number): Promise<void> {
    return this.writer.run(async (tx) => {
      const rack = await tx.em.findOne(Rack, { id }, { filters: false });
      if (!rack) throw notFound('Rack');
      const before = toRackDto(rack);
      if (rack.version !== version) throw staleVersion(before);
      const devices = await tx.em.count(Device, { rack }, { filters: false });
      if (devices > 0) {
        throw new DomainError(
          'rule_violation',
          `This rack still holds ${devices} device(s); move or remove them first`,
        );
      }
      tx.em.remove(rack);
      await tx.em.flush();
      await tx.audit({ action: 'rack.delete', entityType: 'Rack', entityId: id, before });
      tx.announce('rack.deleted', { id, roomId: before.roomId }, tenantRooms(before.tenantId));
    });
  }

  /** The tenants owning a device in the rack. */
  private async deviceTenantsIn(tx: WriteContext, rackId: number): Promise<number[]> {
    const devices = await tx.em.find(
      Device,
      { rack: rackId, tenant: { $ne: null } },
      { fields: ['tenant'], filters: false },
    );
    return devices.map((device) => device.tenant!.id);
  }

  /** A rack given to a tenant may hold only that tenant's devices and the operator's own. */
  private async checkDevicesTenant(tx: WriteContext, rack: Rack, tenant: Tenant): Promise<void> {
    const stranger = await tx.em.findOne(
      Device,
      { rack, tenant: { $ne: null, $nin: [tenant.id] } },
      { populate: ['tenant'], filters: false },
    );
    if (stranger) {
      throw ruleViolation(
        'tenantId',
        `Rack ${rack.name} holds ${stranger.name} of ${stranger.tenant!.code}: move it before giving the rack to ${tenant.code}`,
      );
    }
  }

  /** The name is unique in the room, and the tile is on the grid and free. */
  private async checkPlace(
    tx: WriteContext,
    rackId: number | null,
    room: Room,
    name: string,
    gridX: number,
    gridY: number,
  ): Promise<void> {
    const notSelf = rackId === null ? {} : { id: { $ne: rackId } };
    if (await tx.em.count(Rack, { room, name, ...notSelf }, { filters: false })) {
      throw taken('name', 'This rack name');
    }
    if (gridX >= room.gridColumns || gridY >= room.gridRows) {
      throw ruleViolation(
        gridX >= room.gridColumns ? 'gridX' : 'gridY',
        `Tile (${gridX}, ${gridY}) is outside the room's ${room.gridColumns} × ${room.gridRows} grid`,
      );
    }
    const neighbour = await tx.em.findOne(Rack, { room, gridX, gridY, ...notSelf }, { filters: false });
    if (neighbour) {
      throw new DomainError(
        'conflict',
        `Rack ${neighbour.name} already stands on tile (${gridX}, ${gridY})`,
        {
          fields: [{ path: 'gridX', message: `taken by rack ${neighbour.name}` }],
        },
      );
    }
  }
}

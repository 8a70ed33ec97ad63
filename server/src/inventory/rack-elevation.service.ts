import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import {
  isTenantScoped,
  rackFaces,
  type ElevationDevice,
  type RackElevation,
  type RackFace,
} from '@vigie/shared';
import { notFound } from '../common/domain-error.js';
import { requestContext } from '../common/request-context.js';
import { Device } from './device.entity.js';
import { toRackDto } from './inventory.mappers.js';
import { Rack } from './rack.entity.js';
import { RackLoadRepository } from './rack-load.repository.js';
import { RackOccupancy } from './rack-occupancy.js';

@Injectable()
export class RackElevationService {
  constructor(
    private readonly em: EntityManager,
    private readonly loads: RackLoadRepository,
  ) {}

  /**
   * The rack seen from both faces. A client viewer sees their own racks, and shared racks (no
   * tenant) that hold one of their devices; in a shared rack only their devices are shown, the
   * space others take is reported as hidden.
   */
  async elevation(id: number): Promise<RackElevation> {
    const em = this.em.fork();
    const rack = (await em.findOne(Rack, { id })) ?? (await this.sharedRackOfViewer(em, id));
    if (!rack) throw notFound('Rack');
    const devices = await em.find(
      Device,
      { rack },
      { populate: ['deviceType', 'tenant'], orderBy: { position: 'asc', id: 'asc' } },
    );
    const visible = new Set(devices.map((device) => device.id));

    const occupancy = new RackOccupancy(rack.uHeight);
    const hidden = new RackOccupancy(rack.uHeight);
    const mounted = devices.filter(
      (device) => device.position != null && device.face != null && device.deviceType.uHeight > 0,
    );
    for (const device of mounted) {
      const { uHeight, isFullDepth } = device.deviceType;
      if (occupancy.isFree(device.position!, uHeight, device.face!, isFullDepth)) {
        occupancy.occupy(device.position!, uHeight, device.face!, isFullDepth, device.id);
      }
    }
    if (requestContext.current()?.actor && isTenantScoped(requestContext.current()!.actor!.role)) {
      const types = this.loads.typeLoads();
      for (const other of this.loads.devicesIn([rack.id]).get(rack.id) ?? []) {
        const type = types.get(other.deviceTypeId);
        if (
          visible.has(other.id) ||
          !type ||
          other.position === null ||
          other.face === null ||
          type.uHeight === 0
        )
          continue;
        if (occupancy.isFree(other.position, type.uHeight, other.face, type.isFullDepth)) {
          occupancy.occupy(other.position, type.uHeight, other.face, type.isFullDepth);
          hidden.occupy(other.position, type.uHeight, other.face, type.isFullDepth);
        }
      }
    }

    const shape = (device: Device): ElevationDevice => ({
      id: device.id,
      name: device.name,
      deviceTypeId: device.deviceType.id,
      typeLabel: `${device.deviceType.manufacturer} ${device.deviceType.model}`,
      uHeight: device.deviceType.uHeight,
      isFullDepth: device.deviceType.isFullDepth,
      position: device.deviceType.uHeight > 0 ? (device.position ?? null) : null,
      face: device.face ?? null,
      status: device.status,
      tenantId: device.tenant?.id ?? null,
      tenantName: device.tenant?.name ?? null,
    });
    const face = (side: RackFace) => ({
      face: side,
      devices: mounted.filter((device) => device.face === side || device.deviceType.isFullDepth).map(shape),
      freeRanges: occupancy.freeRanges(side),
      freeUnits: occupancy.freeUnits(side),
    });
    const [front, rear] = rackFaces.map(face);
    return {
      rack: toRackDto(rack),
      front: front!,
      rear: rear!,
      zeroU: devices.filter((device) => device.deviceType.uHeight === 0).map(shape),
      hiddenRanges: { front: this.takenRanges(hidden, 'front'), rear: this.takenRanges(hidden, 'rear') },
    };
  }

  private async sharedRackOfViewer(em: EntityManager, id: number): Promise<Rack | null> {
    const actor = requestContext.current()?.actor;
    if (!actor || !isTenantScoped(actor.role)) return null;
    const rack = await em.findOne(Rack, { id, tenant: null }, { filters: false });
    // The device count goes through the tenant filter: only the viewer's own devices count.
    return rack && (await em.count(Device, { rack })) > 0 ? rack : null;
  }

  /** Runs taken in `occupancy` on a face: the complement of its free runs. */
  private takenRanges(occupancy: RackOccupancy, side: RackFace) {
    const ranges: { from: number; units: number }[] = [];
    let next = 1;
    for (const free of [...occupancy.freeRanges(side), { from: occupancy.uHeight + 1, units: 0 }]) {
      if (free.from > next) ranges.push({ from: next, units: free.from - next });
      next = free.from + free.units;
    }
    return ranges;
  }
}

import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { FloorPlan, RackCapacity, RoomCapacity, SiteCapacity } from '@vigie/shared';
import { notFound } from '../common/domain-error.js';
import { toRoomDto } from './inventory.mappers.js';
import { Rack } from './rack.entity.js';
import { capacityFigures, rackLoad, type RackLoad } from './rack-capacity.js';
import { RackLoadRepository } from './rack-load.repository.js';
import { Room } from './room.entity.js';
import { Site } from './site.entity.js';
import { Tenant } from './tenant.entity.js';

/** Capacity per rack, row, room and site, and the floor plan built from the same figures. */
@Injectable()
export class CapacityService {
  constructor(
    private readonly em: EntityManager,
    private readonly loads: RackLoadRepository,
  ) {}

  async rack(id: number): Promise<RackCapacity> {
    const rack = await this.em.fork().findOne(Rack, { id });
    if (!rack) throw notFound('Rack');
    const [load] = this.loadsOf([rack]);
    return this.rackCapacity(rack, load!);
  }

  async room(id: number): Promise<RoomCapacity> {
    const em = this.em.fork();
    const room = await em.findOne(Room, { id });
    if (!room) throw notFound('Room');
    const racks = await em.find(Rack, { room }, { orderBy: { rowLabel: 'asc', name: 'asc' } });
    const loads = this.loadsOf(racks);
    const rows = new Map<string, RackLoad[]>();
    racks.forEach((rack, index) =>
      rows.set(rack.rowLabel, [...(rows.get(rack.rowLabel) ?? []), loads[index]!]),
    );
    return {
      roomId: room.id,
      roomName: room.name,
      figures: capacityFigures(loads),
      rows: [...rows].map(([rowLabel, rowLoads]) => ({
        roomId: room.id,
        rowLabel,
        figures: capacityFigures(rowLoads),
      })),
      racks: racks.map((rack, index) => this.rackCapacity(rack, loads[index]!)),
    };
  }

  async site(id: number): Promise<SiteCapacity> {
    const em = this.em.fork();
    const site = await em.findOne(Site, { id });
    if (!site) throw notFound('Site');
    const rooms = await em.find(Room, { site }, { orderBy: { name: 'asc' } });
    const racks = await em.find(Rack, { room: { site } });
    const loads = this.loadsOf(racks);
    return {
      siteId: site.id,
      siteName: site.name,
      figures: capacityFigures(loads),
      rooms: rooms.map((room) => ({
        roomId: room.id,
        roomName: room.name,
        figures: capacityFigures(loads.filter((_, index) => racks[index]!.room.id === room.id)),
      })),
    };
  }

  async floorPlan(roomId: number): Promise<FloorPlan> {
    const em = this.em.fork();
    const room = await em.findOne(Room, { id: roomId });
    if (!room) throw notFound('Room');
    const racks = await em.find(Rack, { room }, { orderBy: { gridY: 'asc', gridX: 'asc' } });
    const loads = this.loadsOf(racks);
    const tenantIds = [...new Set(racks.map((rack) => rack.tenant?.id).filter((id) => id !== undefined))];
    const tenants = tenantIds.length
      ? await em.find(Tenant, { id: { $in: tenantIds } }, { orderBy: { name: 'asc' } })
      : [];
    return {
      room: toRoomDto(room),
      racks: racks.map((rack, index) => {
        const figures = capacityFigures([loads[index]!]);
        return {
          rackId: rack.id,
          name: rack.name,
          rowLabel: rack.rowLabel,
          gridX: rack.gridX,
          gridY: rack.gridY,
          status: rack.status,
          tenantId: rack.tenant?.id ?? null,
          uTotal: figures.uTotal,
          uUsed: figures.uUsed,
          uUsedPercent: figures.uUsedPercent,
          powerBudgetW: figures.powerBudgetW,
          powerAllocatedW: figures.powerAllocatedW,
          powerPercent: figures.powerPercent,
          // Incidents arrive with issue 4; the field is there so the client's colouring is ready.
          openIncidents: 0,
        };
      }),
      tenants: tenants.map((tenant) => ({ id: tenant.id, code: tenant.code, name: tenant.name })),
    };
  }

  private loadsOf(racks: readonly Rack[]): RackLoad[] {
    const types = this.loads.typeLoads();
    const devices = this.loads.devicesIn(racks.map((rack) => rack.id));
    return racks.map((rack) => rackLoad(rack, devices.get(rack.id) ?? [], types));
  }

  private rackCapacity(rack: Rack, load: RackLoad): RackCapacity {
    return {
      rackId: rack.id,
      rackName: rack.name,
      roomId: rack.room.id,
      rowLabel: rack.rowLabel,
      figures: capacityFigures([load]),
    };
  }
}

import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { FloorPlan, RackCapacity, RoomCapacity, SiteCapacity } from '@vigie/shared';
import { notFound } from '../common/domain-error.js';
import { Rack } from './rack.entity.js';
import { capacityFigures, powerOf, rackLoad, usedUnits, type RackLoad } from './rack-capacity.js';
import { RackLoadRepository } from './rack-load.repository.js';
import { Room } from './room.entity.js';
import { Site } from './site.entity.js';
import { scopedTenantId } from '../common/tenant-scope.js';
import { type RoomRow } from './inventory-rows.js';
import { floorPlanRacksSql, type FloorPlanRackRow } from './floor-plan-racks.js';
import { percentOf } from './power-draw.js';
import { PreparedStatements } from './prepared-statements.js';

/** Capacity per rack, row, room and site, and the floor plan built from the same figures. */
@Injectable()
export class CapacityService {
  constructor(
    private readonly em: EntityManager,
    private readonly loads: RackLoadRepository,
    private readonly statements: PreparedStatements,
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

  /** Plain SQL for the racks and the devices in them, figures summed in one pass: no entity is hydrated. */
  floorPlan(roomId: number): FloorPlan {
    const room = this.statements
      .get('select id, site_id, name, grid_columns, grid_rows, version from room where id = ?')
      .get(roomId) as RoomRow | undefined;
    if (!room) throw notFound('Room');
    const tenantScope = scopedTenantId();
    const racks = this.statements
      .get(floorPlanRacksSql(tenantScope !== null))
      .all(
        tenantScope === null ? { room: roomId } : { room: roomId, tenant: tenantScope },
      ) as FloorPlanRackRow[];
    const types = this.loads.typeLoads();
    const devices = this.loads.devicesInRoom(roomId);
    const tenantIds = [...new Set(racks.map((rack) => rack.tenant_id).filter((id) => id !== null))];
    const tenants = this.statements
      .get('select id, code, name from tenant where id in (select value from json_each(?)) order by name')
      .all(JSON.stringify(tenantIds)) as FloorPlan['tenants'];
    return {
      room: {
        id: room.id,
        siteId: room.site_id,
        name: room.name,
        gridColumns: room.grid_columns,
        gridRows: room.grid_rows,
        version: room.version,
      },
      racks: racks.map((rack) => {
        const inRack = devices.get(rack.id) ?? [];
        const uUsed = usedUnits(rack.u_height, inRack, types);
        const powerW = powerOf(inRack, types);
        const powerBudgetW = rack.power_budget_kw * 1000;
        return {
          rackId: rack.id,
          name: rack.name,
          rowLabel: rack.row_label,
          gridX: rack.grid_x,
          gridY: rack.grid_y,
          status: rack.status,
          tenantId: rack.tenant_id,
          uTotal: rack.u_height,
          uUsed,
          uUsedPercent: percentOf(uUsed, rack.u_height),
          powerBudgetW,
          powerAllocatedW: powerW,
          powerPercent: percentOf(powerW, powerBudgetW),
          openIncidents: rack.open_incidents,
        };
      }),
      tenants,
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

import { Injectable } from '@nestjs/common';
import type { PowerPort, RackFace } from '@vigie/shared';
import { rackColumns, type RackRow } from './inventory-rows.js';
import { allocatedDrawW } from './power-draw.js';
import { PreparedStatements } from './prepared-statements.js';
import { visibleRackSql } from './rack-visibility.js';

/** What a device type weighs on its rack: size, depth, power and weight. */
export interface TypeLoad {
  uHeight: number;
  isFullDepth: boolean;
  drawW: number;
  weightKg: number;
}

/** A racked device as the capacity figures see it: where it stands and what it is. */
export interface MountedDevice {
  id: number;
  rackId: number;
  deviceTypeId: number;
  position: number | null;
  face: RackFace | null;
}

/** A rack placement search considers, with the power already counted in it. */
export interface PlacementRack extends RackRow {
  room_name: string;
  power_w: number;
}

function groupByRack(rows: readonly MountedDevice[], byRack = new Map<number, MountedDevice[]>()) {
  for (const row of rows) {
    const list = byRack.get(row.rackId);
    if (list) list.push(row);
    else byRack.set(row.rackId, [row]);
  }
  return byRack;
}

/**
 * Read-only queries behind capacity, floor plans and placement search, in plain SQL because they
 * cover thousands of racks at once. Callers pass rack ids they already read with tenant scoping
 * applied; the devices counted are all those physically in them (occupancy is a property of the
 * rack, not of who owns what is in it).
 */
@Injectable()
export class RackLoadRepository {
  constructor(private readonly statements: PreparedStatements) {}

  typeLoads(): Map<number, TypeLoad> {
    const rows = this.statements
      .get('select id, u_height, is_full_depth, weight_kg, power_ports from device_type')
      .all() as {
      id: number;
      u_height: number;
      is_full_depth: number;
      weight_kg: number | null;
      power_ports: string;
    }[];
    return new Map(
      rows.map((row) => [
        row.id,
        {
          uHeight: row.u_height,
          isFullDepth: row.is_full_depth === 1,
          drawW: allocatedDrawW(JSON.parse(row.power_ports) as PowerPort[]),
          weightKg: row.weight_kg ?? 0,
        },
      ]),
    );
  }

  /** The `draws` parameter of the SQL aggregates: counted watts per device type id. */
  drawsParameter(types: Map<number, TypeLoad>): string {
    return JSON.stringify(Object.fromEntries([...types].map(([id, type]) => [id, type.drawW])));
  }

  /** The devices standing in the racks of a room, grouped by rack id. */
  devicesInRoom(roomId: number): Map<number, MountedDevice[]> {
    const rows = this.statements
      .get(
        `select d.id, d.rack_id as rackId, d.device_type_id as deviceTypeId, d.position, d.face
         from rack r join device d on d.rack_id = r.id where r.room_id = ?`,
      )
      .all(roomId) as MountedDevice[];
    return groupByRack(rows);
  }

  /**
   * Active and reserved racks a tenant's equipment may go in (its own or shared ones; shared only
   * without a tenant), with the power counted in each, in id order. For a client viewer
   * (`scopedTenantId`), only the racks they may see.
   */
  placementRacks(
    where: { tenantId?: number; siteId?: number; roomId?: number; scopedTenantId: number | null },
    types: Map<number, TypeLoad>,
  ): PlacementRack[] {
    const conditions = [`r.status in ('active', 'reserved')`];
    const params: unknown[] = [this.drawsParameter(types)];
    if (where.tenantId) {
      conditions.push('(r.tenant_id = ? or r.tenant_id is null)');
      params.push(where.tenantId);
    } else conditions.push('r.tenant_id is null');
    for (const [value, column] of [
      [where.siteId, 'm.site_id'],
      [where.roomId, 'r.room_id'],
    ] as const) {
      if (value === undefined) continue;
      conditions.push(`${column} = ?`);
      params.push(value);
    }
    if (where.scopedTenantId !== null) {
      conditions.push(visibleRackSql('r', '?'));
      params.push(where.scopedTenantId, where.scopedTenantId);
    }
    return this.statements
      .get(
        `with draws(type_id, draw) as materialized (select cast(key as integer), value from json_each(?))
         select ${rackColumns('r')}, m.name as room_name,
           coalesce((select sum(w.draw) from device d join draws w on w.type_id = d.device_type_id
                     where d.rack_id = r.id), 0) as power_w
         from rack r join room m on m.id = r.room_id
         where ${conditions.join(' and ')}
         order by r.id`,
      )
      .all(...params) as PlacementRack[];
  }

  /** Devices in the given racks, grouped by rack id. */
  devicesIn(rackIds: readonly number[]): Map<number, MountedDevice[]> {
    const byRack = new Map<number, MountedDevice[]>(rackIds.map((id) => [id, []]));
    if (rackIds.length === 0) return byRack;
    const rows = this.statements
      .get(
        `select id, rack_id as rackId, device_type_id as deviceTypeId, position, face from device
         where rack_id in (select value from json_each(?))`,
      )
      .all(JSON.stringify(rackIds)) as MountedDevice[];
    return groupByRack(rows, byRack);
  }
}

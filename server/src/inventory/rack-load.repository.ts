import { Injectable } from '@nestjs/common';
import type { PowerPort, RackFace } from '@vigie/shared';
import { NativeDatabase } from '../database/native-database.js';
import { allocatedDrawW } from './power-draw.js';

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

/**
 * Read-only queries behind capacity, floor plans and placement search, in plain SQL because they
 * cover thousands of racks at once. Callers pass rack ids they already read through the ORM, so
 * tenant scoping has been applied to the racks; the devices counted are all those physically in
 * them (occupancy is a property of the rack, not of who owns what is in it).
 */
@Injectable()
export class RackLoadRepository {
  constructor(private readonly database: NativeDatabase) {}

  typeLoads(): Map<number, TypeLoad> {
    const rows = this.database.handle
      .prepare('select id, u_height, is_full_depth, weight_kg, power_ports from device_type')
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

  /** Devices in the given racks, grouped by rack id. */
  devicesIn(rackIds: readonly number[]): Map<number, MountedDevice[]> {
    const byRack = new Map<number, MountedDevice[]>(rackIds.map((id) => [id, []]));
    if (rackIds.length === 0) return byRack;
    const rows = this.database.handle
      .prepare(
        `select id, rack_id as rackId, device_type_id as deviceTypeId, position, face from device
         where rack_id in (select value from json_each(?))`,
      )
      .all(JSON.stringify(rackIds)) as MountedDevice[];
    for (const row of rows) byRack.get(row.rackId)?.push(row);
    return byRack;
  }

  /** Device count per rack and type: enough for power and weight without reading positions. */
  typeCountsIn(rackIds: readonly number[]): Map<number, { deviceTypeId: number; count: number }[]> {
    const byRack = new Map<number, { deviceTypeId: number; count: number }[]>(rackIds.map((id) => [id, []]));
    if (rackIds.length === 0) return byRack;
    const rows = this.database.handle
      .prepare(
        `select rack_id as rackId, device_type_id as deviceTypeId, count(*) as count from device
         where rack_id in (select value from json_each(?)) group by rack_id, device_type_id`,
      )
      .all(JSON.stringify(rackIds)) as { rackId: number; deviceTypeId: number; count: number }[];
    for (const row of rows)
      byRack.get(row.rackId)?.push({ deviceTypeId: row.deviceTypeId, count: row.count });
    return byRack;
  }
}

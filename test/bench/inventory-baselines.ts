import type Database from 'better-sqlite3';
import type {
  DeviceListItem,
  ElevationDevice,
  FloorPlan,
  PlacementCandidate,
  PowerPort,
  RackElevation,
  RackFace,
} from '@vigie/shared';
import { floorPlanRacksSql } from '../../server/src/inventory/floor-plan-racks.js';
import { allocatedDrawW, percentOf } from '../../server/src/inventory/power-draw.js';
import { powerOf, usedUnits } from '../../server/src/inventory/rack-capacity.js';
import type { MountedDevice, TypeLoad } from '../../server/src/inventory/rack-load.repository.js';
import { RackOccupancy } from '../../server/src/inventory/rack-occupancy.js';

// The baselines of the inventory benchmark: hand-written better-sqlite3 prepared statements that
// produce the same rows as the service, mapped to the same answer with plain code and serialised.
// The pure rules of the answer (occupancy, counted draw) are shared: they are what is asked, not overhead.

type Row = Record<string, unknown>;

const rackShape = (r: Row) => ({
  id: r.id as number,
  roomId: r.room_id as number,
  name: r.name as string,
  rowLabel: r.row_label as string,
  gridX: r.grid_x as number,
  gridY: r.grid_y as number,
  uHeight: r.u_height as number,
  powerBudgetKw: r.power_budget_kw as number,
  maxWeightKg: r.max_weight_kg as number,
  status: r.status as RackElevation['rack']['status'],
  tenantId: r.tenant_id as number | null,
  version: r.version as number,
});

export function inventoryBaselines(db: Database.Database) {
  const devicePage = db.prepare(
    `select d.id, d.name, d.device_type_id, d.rack_id, d.position, d.face, d.status, d.tenant_id, d.serial,
       d.asset_tag, d.version, r.name as rack_name, m.id as room_id, m.name as room_name, s.id as site_id,
       s.code as site_code
     from device d left join rack r on r.id = d.rack_id left join room m on m.id = r.room_id
     left join site s on s.id = m.site_id where d.id > ? order by d.id limit ?`,
  );
  const rack = db.prepare('select * from rack where id = ?');
  const rackDevices = db.prepare(
    `select d.id, d.name, d.device_type_id, d.position, d.face, d.status, d.tenant_id, tn.name as tenant_name,
       t.manufacturer, t.model, t.u_height, t.is_full_depth
     from device d join device_type t on t.id = d.device_type_id left join tenant tn on tn.id = d.tenant_id
     where d.rack_id = ? order by d.position, d.id`,
  );
  const room = db.prepare('select * from room where id = ?');
  // The racks with their open-incident counts: the query is the answer's rule, shared like the pure rules.
  const roomRacks = db.prepare(floorPlanRacksSql(false));
  const typeRows = db.prepare('select id, u_height, is_full_depth, weight_kg, power_ports from device_type');
  const roomDevices = db.prepare(
    `select d.id, d.rack_id as rackId, d.device_type_id as deviceTypeId, d.position, d.face
     from rack r join device d on d.rack_id = r.id where r.room_id = ?`,
  );
  const tenantsIn = db.prepare(
    'select id, code, name from tenant where id in (select value from json_each(?)) order by name',
  );
  const placementRacks = db.prepare(
    `with draws(type_id, draw) as materialized (select cast(key as integer), value from json_each(?))
     select r.*, m.name as room_name,
       coalesce((select sum(w.draw) from device d join draws w on w.type_id = d.device_type_id
                 where d.rack_id = r.id), 0) as power_w
     from rack r join room m on m.id = r.room_id
     where r.status in ('active', 'reserved') and (r.tenant_id = ? or r.tenant_id is null) and m.site_id = ?
     order by r.id`,
  );
  const mounted = db.prepare(
    `select d.id, d.rack_id, d.position, d.face, t.u_height, t.is_full_depth from device d
     join device_type t on t.id = d.device_type_id where d.rack_id in (select value from json_each(?))`,
  );
  const typeLoads = () =>
    new Map<number, TypeLoad>(
      (typeRows.all() as Row[]).map((type) => [
        type.id as number,
        {
          uHeight: type.u_height as number,
          isFullDepth: type.is_full_depth === 1,
          drawW: allocatedDrawW(JSON.parse(type.power_ports as string) as PowerPort[]),
          weightKg: (type.weight_kg as number | null) ?? 0,
        },
      ]),
    );
  const draws = (types: Map<number, TypeLoad>) =>
    JSON.stringify(Object.fromEntries([...types].map(([id, type]) => [id, type.drawW])));

  return {
    devicePage(afterId: number, limit: number): string {
      const rows = devicePage.all(afterId, limit + 1) as Row[];
      const items: DeviceListItem[] = rows.slice(0, limit).map((r) => ({
        id: r.id as number,
        name: r.name as string,
        deviceTypeId: r.device_type_id as number,
        rackId: r.rack_id as number | null,
        position: r.position as number | null,
        face: r.face as RackFace | null,
        status: r.status as DeviceListItem['status'],
        tenantId: r.tenant_id as number | null,
        serial: r.serial as string | null,
        assetTag: r.asset_tag as string | null,
        version: r.version as number,
        rackName: r.rack_name as string | null,
        roomId: r.room_id as number | null,
        roomName: r.room_name as string | null,
        siteId: r.site_id as number | null,
        siteCode: r.site_code as string | null,
      }));
      const last = items.at(-1);
      const nextCursor =
        rows.length > limit && last ? Buffer.from(String(last.id), 'utf8').toString('base64url') : null;
      return JSON.stringify({ items, nextCursor });
    },

    elevation(rackId: number): string {
      const r = rack.get(rackId) as Row;
      const devices: ElevationDevice[] = (rackDevices.all(rackId) as Row[]).map((d) => ({
        id: d.id as number,
        name: d.name as string,
        deviceTypeId: d.device_type_id as number,
        typeLabel: `${d.manufacturer as string} ${d.model as string}`,
        uHeight: d.u_height as number,
        isFullDepth: d.is_full_depth === 1,
        position: (d.u_height as number) > 0 ? (d.position as number | null) : null,
        face: d.face as RackFace | null,
        status: d.status as ElevationDevice['status'],
        tenantId: d.tenant_id as number | null,
        tenantName: d.tenant_name as string | null,
      }));
      const occupancy = new RackOccupancy(r.u_height as number);
      const placed = devices.filter((d) => d.position !== null && d.face !== null);
      for (const d of placed) {
        if (occupancy.isFree(d.position!, d.uHeight, d.face!, d.isFullDepth))
          occupancy.occupy(d.position!, d.uHeight, d.face!, d.isFullDepth, d.id);
      }
      const face = (side: RackFace) => ({
        face: side,
        devices: placed.filter((d) => d.face === side || d.isFullDepth),
        freeRanges: occupancy.freeRanges(side),
        freeUnits: occupancy.freeUnits(side),
      });
      return JSON.stringify({
        rack: rackShape(r),
        front: face('front'),
        rear: face('rear'),
        zeroU: devices.filter((d) => d.uHeight === 0),
        hiddenRanges: { front: [], rear: [] },
      } satisfies RackElevation);
    },

    floorPlan(roomId: number): string {
      const m = room.get(roomId) as Row;
      const racks = roomRacks.all({ room: roomId }) as Row[];
      const types = typeLoads();
      const byRack = new Map<number, MountedDevice[]>();
      for (const device of roomDevices.all(roomId) as MountedDevice[])
        byRack.set(device.rackId, [...(byRack.get(device.rackId) ?? []), device]);
      const tenantIds = [...new Set(racks.map((r) => r.tenant_id).filter((id) => id !== null))];
      return JSON.stringify({
        room: {
          id: m.id as number,
          siteId: m.site_id as number,
          name: m.name as string,
          gridColumns: m.grid_columns as number,
          gridRows: m.grid_rows as number,
          version: m.version as number,
        },
        racks: racks.map((r) => {
          const inRack = byRack.get(r.id as number) ?? [];
          const powerW = powerOf(inRack, types);
          const uUsed = usedUnits(r.u_height as number, inRack, types);
          const budget = (r.power_budget_kw as number) * 1000;
          return {
            rackId: r.id as number,
            name: r.name as string,
            rowLabel: r.row_label as string,
            gridX: r.grid_x as number,
            gridY: r.grid_y as number,
            status: r.status as FloorPlan['racks'][number]['status'],
            tenantId: r.tenant_id as number | null,
            uTotal: r.u_height as number,
            uUsed,
            uUsedPercent: percentOf(uUsed, r.u_height as number),
            powerBudgetW: budget,
            powerAllocatedW: powerW,
            powerPercent: percentOf(powerW, budget),
            openIncidents: r.open_incidents as number,
          };
        }),
        tenants: tenantsIn.all(JSON.stringify(tenantIds)) as FloorPlan['tenants'],
      } satisfies FloorPlan);
    },

    placement(siteId: number, tenantId: number, units: number, watts: number, limit: number): string {
      const racks = (placementRacks.all(draws(typeLoads()), tenantId, siteId) as Row[]).filter(
        (r) => (r.power_budget_kw as number) * 1000 - (r.power_w as number) >= watts,
      );
      const byRack = new Map<number, Row[]>(racks.map((r) => [r.id as number, []]));
      for (const d of mounted.all(JSON.stringify([...byRack.keys()])) as Row[])
        byRack.get(d.rack_id as number)!.push(d);
      const candidates: PlacementCandidate[] = [];
      for (const r of racks) {
        const occupancy = new RackOccupancy(r.u_height as number);
        for (const d of byRack.get(r.id as number)!) {
          const [position, face, height] = [d.position as number, d.face as RackFace, d.u_height as number];
          if (position === null || face === null || height === 0) continue;
          if (occupancy.isFree(position, height, face, d.is_full_depth === 1))
            occupancy.occupy(position, height, face, d.is_full_depth === 1);
        }
        let best: { position: number; blockUnits: number } | null = null;
        for (const block of occupancy.freeRanges('front', true)) {
          if (block.units < units || (best && block.units >= best.blockUnits)) continue;
          const position = occupancy.lowestFree(
            units,
            'front',
            true,
            block.from,
            block.from + block.units - 1,
          );
          if (position !== null) best = { position, blockUnits: block.units };
        }
        if (!best) continue;
        const budget = (r.power_budget_kw as number) * 1000;
        candidates.push({
          rackId: r.id as number,
          rackName: r.name as string,
          roomId: r.room_id as number,
          roomName: r.room_name as string,
          rowLabel: r.row_label as string,
          tenantId: r.tenant_id as number | null,
          position: best.position,
          face: 'front',
          blockUnits: best.blockUnits,
          freeUnits: (r.u_height as number) - occupancy.usedUnits(),
          powerBudgetW: budget,
          powerAllocatedW: r.power_w as number,
          powerHeadroomW: budget - (r.power_w as number) - watts,
        });
      }
      const own = (c: PlacementCandidate) => (c.tenantId === tenantId ? 0 : 1);
      candidates.sort(
        (a, b) =>
          own(a) - own(b) ||
          a.blockUnits - b.blockUnits ||
          b.powerHeadroomW - a.powerHeadroomW ||
          a.rackId - b.rackId,
      );
      return JSON.stringify({ items: candidates.slice(0, limit) });
    },
  };
}

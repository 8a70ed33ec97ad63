import { Injectable } from '@nestjs/common';
import { rackFaces, type ElevationDevice, type RackElevation, type RackFace } from '@vigie/shared';
import { notFound } from '../common/domain-error.js';
import { scopedTenantId } from '../common/tenant-scope.js';
import { rackColumns, rackRowToDto, type RackRow } from './inventory-rows.js';
import { PreparedStatements } from './prepared-statements.js';
import { RackLoadRepository } from './rack-load.repository.js';
import { RackOccupancy } from './rack-occupancy.js';
import { visibleRackSql } from './rack-visibility.js';

interface ElevationRow {
  id: number;
  name: string;
  device_type_id: number;
  position: number | null;
  face: RackFace | null;
  status: ElevationDevice['status'];
  tenant_id: number | null;
  tenant_name: string | null;
  manufacturer: string;
  model: string;
  u_height: number;
  is_full_depth: number;
}

const rackSql = (scoped: boolean) =>
  `select ${rackColumns('r')} from rack r where r.id = @id${scoped ? ` and ${visibleRackSql('r', '@tenant')}` : ''}`;
const elevationSql = (scoped: boolean) =>
  `select d.id, d.name, d.device_type_id, d.position, d.face, d.status, d.tenant_id, tn.name as tenant_name,
     t.manufacturer, t.model, t.u_height, t.is_full_depth
   from device d join device_type t on t.id = d.device_type_id left join tenant tn on tn.id = d.tenant_id
   where d.rack_id = @id${scoped ? ' and d.tenant_id = @tenant' : ''}
   order by d.position, d.id`;

const toElevationDevice = (row: ElevationRow): ElevationDevice => ({
  id: row.id,
  name: row.name,
  deviceTypeId: row.device_type_id,
  typeLabel: `${row.manufacturer} ${row.model}`,
  uHeight: row.u_height,
  isFullDepth: row.is_full_depth === 1,
  position: row.u_height > 0 ? row.position : null,
  face: row.face,
  status: row.status,
  tenantId: row.tenant_id,
  tenantName: row.tenant_name,
});

/** The rack seen from both faces, read in plain SQL (two indexed queries) and mapped to the shared shape. */
@Injectable()
export class RackElevationService {
  constructor(
    private readonly statements: PreparedStatements,
    private readonly loads: RackLoadRepository,
  ) {}

  /**
   * A client viewer sees the racks `visibleRackSql` allows (their own, and shared racks holding
   * one of their devices); in a shared rack only their devices are shown, the space others take is
   * reported as hidden.
   */
  elevation(id: number): RackElevation {
    const tenantScope = scopedTenantId();
    const scoped = tenantScope !== null;
    const params = scoped ? { id, tenant: tenantScope } : { id };
    const rack = this.statements.get(rackSql(scoped)).get(params) as RackRow | undefined;
    if (!rack) throw notFound('Rack');
    const rows = this.statements.get(elevationSql(scoped)).all(params) as ElevationRow[];

    const devices = rows.map(toElevationDevice);
    const occupancy = new RackOccupancy(rack.u_height);
    const hidden = new RackOccupancy(rack.u_height);
    const mounted = devices.filter((device) => device.position !== null && device.face !== null);
    for (const device of mounted) {
      if (occupancy.isFree(device.position!, device.uHeight, device.face!, device.isFullDepth)) {
        occupancy.occupy(device.position!, device.uHeight, device.face!, device.isFullDepth, device.id);
      }
    }
    if (tenantScope !== null) {
      const visible = new Set(devices.map((device) => device.id));
      const types = this.loads.typeLoads();
      for (const other of this.loads.devicesIn([rack.id]).get(rack.id) ?? []) {
        const type = types.get(other.deviceTypeId);
        if (visible.has(other.id) || !type || other.position === null || other.face === null) continue;
        if (type.uHeight === 0) continue;
        if (occupancy.isFree(other.position, type.uHeight, other.face, type.isFullDepth)) {
          occupancy.occupy(other.position, type.uHeight, other.face, type.isFullDepth);
          hidden.occupy(other.position, type.uHeight, other.face, type.isFullDepth);
        }
      }
    }

    const face = (side: RackFace) => ({
      face: side,
      devices: mounted.filter((device) => device.face === side || device.isFullDepth),
      freeRanges: occupancy.freeRanges(side),
      freeUnits: occupancy.freeUnits(side),
    });
    const [front, rear] = rackFaces.map(face);
    return {
      rack: rackRowToDto(rack),
      front: front!,
      rear: rear!,
      zeroU: devices.filter((device) => device.uHeight === 0),
      hiddenRanges: { front: this.takenRanges(hidden, 'front'), rear: this.takenRanges(hidden, 'rear') },
    };
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

import { Injectable } from '@nestjs/common';
import type { DeviceListItem, DeviceListQuery, Page } from '@vigie/shared';
import {
  decodeCursor,
  decodeSortedCursor,
  encodeCursor,
  encodeSortedCursor,
  sortOrderOf,
} from '../common/keyset-page.js';
import { scopedTenantId } from '../common/tenant-scope.js';
import { likeContains, PreparedStatements } from './prepared-statements.js';

interface DeviceListRow {
  id: number;
  name: string;
  device_type_id: number;
  rack_id: number | null;
  position: number | null;
  face: DeviceListItem['face'];
  status: DeviceListItem['status'];
  tenant_id: number | null;
  serial: string | null;
  asset_tag: string | null;
  version: number;
  rack_name: string | null;
  room_id: number | null;
  room_name: string | null;
  site_id: number | null;
  site_code: string | null;
}

/** Sortable columns: the key of the query's `sort` and its column (indexed with the id). */
const sortColumns = { name: 'd.name', status: 'd.status' } as const;

export function toDeviceListItem(row: DeviceListRow): DeviceListItem {
  return {
    id: row.id,
    name: row.name,
    deviceTypeId: row.device_type_id,
    rackId: row.rack_id,
    position: row.position,
    face: row.face,
    status: row.status,
    tenantId: row.tenant_id,
    serial: row.serial,
    assetTag: row.asset_tag,
    version: row.version,
    rackName: row.rack_name,
    roomId: row.room_id,
    roomName: row.room_name,
    siteId: row.site_id,
    siteCode: row.site_code,
  };
}

/**
 * The device list in one plain-SQL keyset query (the list is the inventory's largest read): rows
 * map straight to the shared shape, with where each device stands, so no page needs a lookup.
 */
@Injectable()
export class DeviceListRepository {
  constructor(private readonly statements: PreparedStatements) {}

  page(query: DeviceListQuery): Page<DeviceListItem> {
    const where: string[] = [];
    const params: unknown[] = [];
    const tenantScope = scopedTenantId();
    if (tenantScope !== null) {
      where.push('d.tenant_id = ?');
      params.push(tenantScope);
    }
    if (query.search) {
      const pattern = likeContains(query.search);
      where.push(
        `(d.name like ? escape '\\' or d.serial like ? escape '\\' or d.asset_tag like ? escape '\\')`,
      );
      params.push(pattern, pattern, pattern);
    }
    const filters: [number | string | undefined, string][] = [
      [query.siteId, 'm.site_id'],
      [query.roomId, 'r.room_id'],
      [query.rackId, 'd.rack_id'],
      [query.tenantId, 'd.tenant_id'],
      [query.deviceTypeId, 'd.device_type_id'],
      [query.status, 'd.status'],
    ];
    for (const [value, column] of filters) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      params.push(value);
    }

    const sort = sortOrderOf(query.sort);
    const column = sort ? sortColumns[sort.field as keyof typeof sortColumns] : 'd.id';
    const direction = sort?.direction ?? 'asc';
    const beyond = direction === 'asc' ? '>' : '<';
    if (query.cursor && sort) {
      const [value, id] = decodeSortedCursor(query.cursor);
      where.push(`(${column}, d.id) ${beyond} (?, ?)`);
      params.push(value, id);
    } else if (query.cursor) {
      where.push('d.id > ?');
      params.push(decodeCursor(query.cursor));
    }
    const sql = `select d.id, d.name, d.device_type_id, d.rack_id, d.position, d.face, d.status, d.tenant_id,
        d.serial, d.asset_tag, d.version, r.name as rack_name, m.id as room_id, m.name as room_name,
        s.id as site_id, s.code as site_code
      from device d
      left join rack r on r.id = d.rack_id
      left join room m on m.id = r.room_id
      left join site s on s.id = m.site_id
      ${where.length ? `where ${where.join(' and ')}` : ''}
      order by ${sort ? `${column} ${direction}, ` : ''}d.id ${direction}
      limit ?`;
    const rows = this.statements.get(sql).all(...params, query.limit + 1) as DeviceListRow[];
    const items = rows.slice(0, query.limit).map(toDeviceListItem);
    const last = items.at(-1);
    const nextCursor =
      rows.length > query.limit && last
        ? sort
          ? encodeSortedCursor(last[sort.field as keyof typeof sortColumns], last.id)
          : encodeCursor(last.id)
        : null;
    return { items, nextCursor };
  }
}

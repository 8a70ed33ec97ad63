import type { Rack as RackDto } from '@vigie/shared';

// Plain-SQL rows of the inventory tables and their mapping to the shared shapes (the read models
// that skip entity hydration; `inventory.mappers.ts` maps entities).

/** The columns of `rack`, as `select r.*` gives them. */
export interface RackRow {
  id: number;
  room_id: number;
  name: string;
  row_label: string;
  grid_x: number;
  grid_y: number;
  u_height: number;
  power_budget_kw: number;
  max_weight_kg: number;
  status: RackDto['status'];
  tenant_id: number | null;
  version: number;
}

export const rackColumns = (alias: string) =>
  ['id', 'room_id', 'name', 'row_label', 'grid_x', 'grid_y', 'u_height', 'power_budget_kw', 'max_weight_kg']
    .concat(['status', 'tenant_id', 'version'])
    .map((column) => `${alias}.${column}`)
    .join(', ');

export function rackRowToDto(row: RackRow): RackDto {
  return {
    id: row.id,
    roomId: row.room_id,
    name: row.name,
    rowLabel: row.row_label,
    gridX: row.grid_x,
    gridY: row.grid_y,
    uHeight: row.u_height,
    powerBudgetKw: row.power_budget_kw,
    maxWeightKg: row.max_weight_kg,
    status: row.status,
    tenantId: row.tenant_id,
    version: row.version,
  };
}

/** The columns of `room`. */
export interface RoomRow {
  id: number;
  site_id: number;
  name: string;
  grid_columns: number;
  grid_rows: number;
  version: number;
}

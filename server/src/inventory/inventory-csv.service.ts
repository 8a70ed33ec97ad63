import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import {
  deviceCsvColumns,
  deviceStatuses,
  rackCsvColumns,
  rackFaces,
  rackStatuses,
  type CreateDevice,
  type CreateRack,
  type CsvImportKind,
  type CsvImportResult,
  type CsvRowResult,
  type DeviceListQuery,
  type FieldError,
  type RackListQuery,
} from '@vigie/shared';
import { DomainError } from '../common/domain-error.js';
import { sortOrderOf } from '../common/keyset-page.js';
import { Writer, type WriteContext } from '../database/writer.js';
import { parseCsv, toCsv } from './csv.js';
import { DeviceType } from './device-type.entity.js';
import { Device } from './device.entity.js';
import { DevicesService } from './devices.service.js';
import { deviceFilter, rackFilter } from './inventory-filters.js';
import { tenantRooms } from './inventory-write-support.js';
import { Rack } from './rack.entity.js';
import { RacksService } from './racks.service.js';
import { Room } from './room.entity.js';
import { Site } from './site.entity.js';
import { Tenant } from './tenant.entity.js';

/** Largest import, in data rows: a hall's worth, still one reasonable transaction. */
export const maxCsvRows = 10_000;

/** Thrown to roll a dry run (or a failed import) back once every row has been checked. */
class RollBack extends Error {}

type Cells = Record<string, string>;

/** Where a row failed: the CSV column when the rules name a field we know. */
const columnOf: Record<string, string> = {
  roomId: 'room',
  tenantId: 'tenant',
  deviceTypeId: 'device_type',
  rackId: 'rack',
  rowLabel: 'row',
  gridX: 'grid_x',
  gridY: 'grid_y',
  uHeight: 'u_height',
  powerBudgetKw: 'power_budget_kw',
  maxWeightKg: 'max_weight_kg',
  assetTag: 'asset_tag',
};

class RowErrors {
  readonly list: FieldError[] = [];
  add(path: string, message: string): void {
    this.list.push({ path, message });
  }
  number(
    cells: Cells,
    column: string,
    options: { integer?: boolean; optional?: boolean } = {},
  ): number | null {
    const text = cells[column]?.trim() ?? '';
    if (text === '') {
      if (!options.optional) this.add(column, 'required');
      return null;
    }
    const value = Number(text.replace(',', '.'));
    if (!Number.isFinite(value) || (options.integer && !Number.isInteger(value))) {
      this.add(column, options.integer ? 'expected a whole number' : 'expected a number');
      return null;
    }
    return value;
  }
  text(cells: Cells, column: string): string | null {
    const text = cells[column]?.trim() ?? '';
    if (text === '') this.add(column, 'required');
    return text || null;
  }
  choice<T extends string>(
    cells: Cells,
    column: string,
    choices: readonly T[],
    fallback: T | null,
  ): T | null {
    const text = cells[column]?.trim() ?? '';
    if (text === '') return fallback;
    if ((choices as readonly string[]).includes(text)) return text as T;
    this.add(column, `one of ${choices.join(', ')}`);
    return null;
  }
}

/** CSV bulk import and export of racks and devices (column lists in `inventory-csv.schema.ts`). */
@Injectable()
export class InventoryCsvService {
  constructor(
    private readonly em: EntityManager,
    private readonly writer: Writer,
    private readonly racks: RacksService,
    private readonly devices: DevicesService,
  ) {}

  /**
   * Checks and applies every row in one transaction, in file order, with the same rules as
   * single writes (so two rows of one file that overlap collide). Any row error, or a dry run,
   * rolls everything back: nothing is imported.
   */
  async import(kind: CsvImportKind, text: string, dryRun: boolean): Promise<CsvImportResult> {
    const columns: readonly string[] = kind === 'racks' ? rackCsvColumns : deviceCsvColumns;
    const table = parseCsv(text);
    const header = (table[0] ?? []).map((cell) => cell.trim().toLowerCase());
    const missing = columns.filter((column) => !header.includes(column));
    const unknown = header.filter((column) => !columns.includes(column));
    if (table.length === 0 || missing.length || unknown.length) {
      throw new DomainError(
        'validation_failed',
        `The CSV header must name the columns: ${columns.join(', ')}`,
        {
          fields: [
            ...missing.map((column) => ({ path: column, message: 'missing column' })),
            ...unknown.map((column) => ({ path: column, message: 'unknown column' })),
          ],
        },
      );
    }
    if (table.length - 1 > maxCsvRows) {
      throw new DomainError('validation_failed', `At most ${maxCsvRows} rows per import`, {
        fields: [{ path: 'file', message: `${table.length - 1} rows` }],
      });
    }
    const records = table
      .slice(1)
      .map((cells) => Object.fromEntries(header.map((column, i) => [column, cells[i] ?? ''])));

    const rows: CsvRowResult[] = [];
    const touchedRacks = new Set<number>();
    try {
      await this.writer.run(async (tx) => {
        const resolver = new NameResolver(tx);
        for (const [index, cells] of records.entries()) {
          const line = index + 2;
          const result =
            kind === 'racks'
              ? await this.rackRow(tx, resolver, cells, line, touchedRacks)
              : await this.deviceRow(tx, resolver, cells, line, touchedRacks);
          rows.push(result);
        }
        if (dryRun || rows.some((row) => row.errors.length > 0)) throw new RollBack();
        tx.announce(
          'inventory.imported',
          {
            kind,
            created: rows.filter((row) => row.action === 'create').length,
            updated: rows.filter((row) => row.action === 'update').length,
            rackIds: [...touchedRacks],
          },
          // Staff only: the rack ids span every tenant's racks.
          tenantRooms(),
        );
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
    }
    const rejected = rows.filter((row) => row.errors.length > 0).length;
    return {
      kind,
      dryRun,
      committed: !dryRun && rejected === 0,
      created: rows.filter((row) => row.action === 'create' && row.errors.length === 0).length,
      updated: rows.filter((row) => row.action === 'update' && row.errors.length === 0).length,
      rejected,
      rows,
    };
  }

  private async rackRow(
    tx: WriteContext,
    resolver: NameResolver,
    cells: Cells,
    line: number,
    touched: Set<number>,
  ): Promise<CsvRowResult> {
    const errors = new RowErrors();
    const key = `${cells.site ?? ''}/${cells.room ?? ''}/${cells.name ?? ''}`;
    const siteCode = errors.text(cells, 'site');
    const roomName = errors.text(cells, 'room');
    const name = errors.text(cells, 'name');
    const rowLabel = errors.text(cells, 'row');
    const gridX = errors.number(cells, 'grid_x', { integer: true });
    const gridY = errors.number(cells, 'grid_y', { integer: true });
    const uHeight = errors.number(cells, 'u_height', { integer: true, optional: true }) ?? 42;
    const powerBudgetKw = errors.number(cells, 'power_budget_kw');
    const maxWeightKg = errors.number(cells, 'max_weight_kg');
    const status = errors.choice(cells, 'status', rackStatuses, 'active');
    const tenantId = await resolver.tenant(cells, errors);
    const room = siteCode && roomName ? await resolver.room(siteCode, roomName, errors) : null;
    if (errors.list.length || !room || !name || !rowLabel || gridX === null || gridY === null || !status)
      return { line, action: null, key, errors: errors.list, changes: {} };
    if (powerBudgetKw === null || maxWeightKg === null || tenantId === undefined)
      return { line, action: null, key, errors: errors.list, changes: {} };

    const input: CreateRack = {
      roomId: room.id,
      name,
      rowLabel,
      gridX,
      gridY,
      uHeight,
      powerBudgetKw,
      maxWeightKg,
      status,
      tenantId,
    };
    const existing = await tx.em.findOne(Rack, { room, name }, { filters: false });
    return this.applied(line, key, existing ? 'update' : 'create', async () => {
      if (!existing) {
        const after = await this.racks.createIn(tx, input);
        touched.add(after.id);
        return { before: null, after };
      }
      const { roomId: _roomId, ...change } = input;
      const result = await this.racks.updateIn(tx, existing.id, { ...change, version: existing.version });
      touched.add(existing.id);
      return result;
    });
  }

  private async deviceRow(
    tx: WriteContext,
    resolver: NameResolver,
    cells: Cells,
    line: number,
    touched: Set<number>,
  ): Promise<CsvRowResult> {
    const errors = new RowErrors();
    const assetTag = cells.asset_tag?.trim() || null;
    const key = assetTag ?? cells.name ?? '';
    const name = errors.text(cells, 'name');
    const slug = errors.text(cells, 'device_type');
    const type = slug ? await tx.em.findOne(DeviceType, { slug }) : null;
    if (slug && !type) errors.add('device_type', `no device type with slug ${slug}`);
    const rackId = await resolver.rack(cells, errors);
    const position = errors.number(cells, 'position', { optional: true });
    const face = errors.choice(cells, 'face', rackFaces, null);
    const status = errors.choice(cells, 'status', deviceStatuses, 'active');
    const tenantId = await resolver.tenant(cells, errors);
    if (errors.list.length || !name || !type || rackId === undefined || tenantId === undefined || !status)
      return { line, action: null, key, errors: errors.list, changes: {} };

    const input: CreateDevice = {
      name,
      deviceTypeId: type.id,
      rackId,
      position,
      face,
      status,
      tenantId,
      serial: cells.serial?.trim() || null,
      assetTag,
    };
    const existing = assetTag ? await tx.em.findOne(Device, { assetTag }, { filters: false }) : null;
    return this.applied(line, key, existing ? 'update' : 'create', async () => {
      const result = existing
        ? await this.devices.updateIn(tx, existing.id, { ...input, version: existing.version })
        : { before: null, after: await this.devices.createIn(tx, input) };
      for (const id of [result.before?.rackId, result.after.rackId])
        if (typeof id === 'number') touched.add(id);
      return result;
    });
  }

  /** Runs one row's write; a rule it breaks becomes that row's error, with the CSV column at fault. */
  private async applied<T extends object>(
    line: number,
    key: string,
    action: 'create' | 'update',
    write: () => Promise<{ before: T | null; after: T }>,
  ): Promise<CsvRowResult> {
    try {
      const { before, after } = await write();
      const changes: CsvRowResult['changes'] = {};
      for (const [field, value] of Object.entries(after)) {
        if (field === 'version' || field === 'id') continue;
        const previous = before ? (before as Record<string, unknown>)[field] : null;
        if (before === null || previous !== value) changes[field] = { from: previous, to: value };
      }
      return { line, action, key, errors: [], changes };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const fields = error.details.fields?.length
        ? error.details.fields.map((field) => ({
            path: columnOf[field.path] ?? field.path,
            message: error.code === 'conflict' ? error.message : field.message,
          }))
        : [{ path: '(row)', message: error.message }];
      return { line, action, key, errors: fields, changes: {} };
    }
  }

  async exportRacks(query: Omit<RackListQuery, 'limit' | 'cursor'>): Promise<string> {
    const racks = await this.em.fork().find(Rack, rackFilter({ ...query, limit: 1 }), {
      populate: ['room.site', 'tenant'],
      orderBy: exportOrder(query.sort) as never,
    });
    return toCsv(
      rackCsvColumns,
      racks.map((rack) => [
        rack.room.site.code,
        rack.room.name,
        rack.name,
        rack.rowLabel,
        rack.gridX,
        rack.gridY,
        rack.uHeight,
        rack.powerBudgetKw,
        rack.maxWeightKg,
        rack.status,
        rack.tenant?.code ?? '',
      ]),
    );
  }

  async exportDevices(query: Omit<DeviceListQuery, 'limit' | 'cursor'>): Promise<string> {
    const devices = await this.em.fork().find(Device, deviceFilter({ ...query, limit: 1 }), {
      populate: ['deviceType', 'rack.room.site', 'tenant'],
      orderBy: exportOrder(query.sort) as never,
    });
    return toCsv(
      deviceCsvColumns,
      devices.map((device) => [
        device.name,
        device.deviceType.slug,
        device.rack?.room.site.code ?? '',
        device.rack?.room.name ?? '',
        device.rack?.name ?? '',
        device.position ?? '',
        device.face ?? '',
        device.status,
        device.tenant?.code ?? '',
        device.serial ?? '',
        device.assetTag ?? '',
      ]),
    );
  }
}

/** Exports follow the list's `sort`, ties by id; by id without one. */
function exportOrder(sort: string | undefined): Record<string, 'asc' | 'desc'> {
  const order = sortOrderOf(sort);
  return order ? { [order.field]: order.direction, id: order.direction } : { id: 'asc' };
}

/** Turns the names in a CSV row into ids, remembering what it has looked up. */
class NameResolver {
  private readonly tenants = new Map<string, number | null>();
  private readonly rooms = new Map<string, Room | null>();

  constructor(private readonly tx: WriteContext) {}

  /** The tenant id, null for an empty cell, undefined when unknown (error added). */
  async tenant(cells: Cells, errors: RowErrors): Promise<number | null | undefined> {
    const code = cells.tenant?.trim() ?? '';
    if (code === '') return null;
    if (!this.tenants.has(code)) {
      const tenant = await this.tx.em.findOne(Tenant, { code }, { filters: false });
      this.tenants.set(code, tenant?.id ?? null);
    }
    const id = this.tenants.get(code);
    if (id == null) {
      errors.add('tenant', `no tenant with code ${code}`);
      return undefined;
    }
    return id;
  }

  async room(siteCode: string, roomName: string, errors: RowErrors): Promise<Room | null> {
    const key = `${siteCode}\u0000${roomName}`;
    if (!this.rooms.has(key)) {
      const site = await this.tx.em.findOne(Site, { code: siteCode });
      const room = site ? await this.tx.em.findOne(Room, { site, name: roomName }) : null;
      if (!site) errors.add('site', `no site with code ${siteCode}`);
      this.rooms.set(key, room);
      if (site && !room) errors.add('room', `no room ${roomName} in ${siteCode}`);
      return room;
    }
    const room = this.rooms.get(key) ?? null;
    if (!room) errors.add('room', `no room ${roomName} in ${siteCode}`);
    return room;
  }

  /** The rack id, null when site, room and rack are all empty, undefined when unknown (error added). */
  async rack(cells: Cells, errors: RowErrors): Promise<number | null | undefined> {
    const [site, room, rack] = [cells.site?.trim() ?? '', cells.room?.trim() ?? '', cells.rack?.trim() ?? ''];
    if (!site && !room && !rack) return null;
    if (!site || !room || !rack) {
      errors.add(!site ? 'site' : !room ? 'room' : 'rack', 'site, room and rack go together');
      return undefined;
    }
    const found = await this.room(site, room, errors);
    if (!found) return undefined;
    const entity = await this.tx.em.findOne(Rack, { room: found, name: rack }, { filters: false });
    if (!entity) {
      errors.add('rack', `no rack ${rack} in ${site}/${room}`);
      return undefined;
    }
    return entity.id;
  }
}

import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import { DomainError } from '../common/domain-error.js';
import { Device } from '../inventory/device.entity.js';
import { Rack } from '../inventory/rack.entity.js';
import { Room } from '../inventory/room.entity.js';
import { Site } from '../inventory/site.entity.js';
import { Tenant } from '../inventory/tenant.entity.js';

export interface AffectedEquipment {
  site: Site | null;
  room: Room | null;
  racks: Rack[];
  devices: Device[];
}

export interface EquipmentChoice {
  siteId: number | null;
  roomId: number | null;
  rackIds: readonly number[];
  deviceIds: readonly number[];
}

const unknown = (path: string, label: string, id: number) =>
  new DomainError('validation_failed', `Unknown ${label}`, {
    fields: [{ path, message: `no ${label} with id ${id}` }],
  });

const inconsistent = (path: string, message: string) =>
  new DomainError('rule_violation', message, { fields: [{ path, message }] });

/** Loads every id or answers 400 naming the first unknown one (`rackIds.2`). Never tenant-scoped: writes are staff-only. */
export async function loadAll<T extends { id: number }>(
  em: EntityManager,
  entity: EntityName<T>,
  ids: readonly number[],
  path: string,
  label: string,
  populate: readonly string[] = [],
): Promise<T[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await em.find(entity, { id: { $in: unique } } as unknown as FilterQuery<T>, {
    filters: false,
    populate: populate as never,
  });
  const index = ids.findIndex((id) => !found.some((row) => row.id === id));
  if (index >= 0) throw unknown(`${path}.${index}`, label, ids[index]!);
  return unique.map((id) => found.find((row) => row.id === id)!);
}

export async function loadOne<T extends { id: number }>(
  em: EntityManager,
  entity: EntityName<T>,
  id: number | null,
  path: string,
  label: string,
  populate: readonly string[] = [],
): Promise<T | null> {
  if (id === null) return null;
  const found = await em.findOne(entity, { id } as unknown as FilterQuery<T>, {
    filters: false,
    populate: populate as never,
  });
  if (!found) throw unknown(path, label, id);
  return found;
}

/**
 * Resolves the affected site, room, racks and devices, fills the site and room in from the
 * equipment when they are not given and the equipment agrees on them, and refuses (422) a room
 * outside the site or equipment outside the room.
 */
export async function resolveEquipment(
  em: EntityManager,
  choice: EquipmentChoice,
): Promise<AffectedEquipment> {
  const racks = await loadAll(em, Rack, choice.rackIds, 'rackIds', 'rack', ['room']);
  const devices = await loadAll(em, Device, choice.deviceIds, 'deviceIds', 'device', ['rack', 'rack.room']);
  let room = await loadOne(em, Room, choice.roomId, 'roomId', 'room');
  let site = await loadOne(em, Site, choice.siteId, 'siteId', 'site');
  const roomsOfEquipment = [
    ...racks.map((rack) => rack.room),
    ...devices.flatMap((device) => (device.rack ? [device.rack.room] : [])),
  ];
  const roomIds = new Set(roomsOfEquipment.map((candidate) => candidate.id));
  if (!room && roomIds.size === 1) room = roomsOfEquipment[0]!;
  if (room) {
    const siteOfRoom = room.site.id;
    if (!site) site = await em.findOneOrFail(Site, { id: siteOfRoom }, { filters: false });
    else if (site.id !== siteOfRoom) throw inconsistent('roomId', 'The room is not in the affected site');
    if ([...roomIds].some((id) => id !== room.id))
      throw inconsistent(
        racks.some((rack) => rack.room.id !== room.id) ? 'rackIds' : 'deviceIds',
        'Affected equipment must stand in the affected room',
      );
  } else if (roomsOfEquipment.length > 0) {
    const siteIds = new Set(roomsOfEquipment.map((candidate) => candidate.site.id));
    if (!site && siteIds.size === 1)
      site = await em.findOneOrFail(Site, { id: [...siteIds][0]! }, { filters: false });
    if (site && [...siteIds].some((id) => id !== site!.id))
      throw inconsistent('rackIds', 'Affected equipment must stand in the affected site');
  }
  return { site, room, racks, devices };
}

/** The tenants concerned by the affected racks and devices. */
export function tenantIdsOfEquipment(equipment: Pick<AffectedEquipment, 'racks' | 'devices'>): number[] {
  const ids = [
    ...equipment.racks.map((rack) => rack.tenant?.id),
    ...equipment.devices.map((device) => device.tenant?.id),
  ].filter((id): id is number => typeof id === 'number');
  return [...new Set(ids)].sort((a, b) => a - b);
}

export function loadTenants(
  em: EntityManager,
  ids: readonly number[],
  path = 'tenantIds',
): Promise<Tenant[]> {
  return loadAll(em, Tenant, ids, path, 'tenant');
}

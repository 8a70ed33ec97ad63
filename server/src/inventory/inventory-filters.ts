import type { FilterQuery } from '@mikro-orm/core';
import type {
  ContractListQuery,
  DeviceListQuery,
  DeviceTypeListQuery,
  RackListQuery,
  RoomListQuery,
} from '@vigie/shared';
import { containsPattern } from '../common/keyset-page.js';
import type { Contract } from './contract.entity.js';
import type { DeviceType } from './device-type.entity.js';
import type { Device } from './device.entity.js';
import type { Rack } from './rack.entity.js';
import type { Room } from './room.entity.js';

// The list filters of each inventory resource. Tenant scoping is not here: the ORM filter applies it.

function allOf<T>(conditions: FilterQuery<T>[]): FilterQuery<T> {
  return conditions.length === 0 ? {} : ({ $and: conditions } as FilterQuery<T>);
}

const like = (text: string) => ({ $like: containsPattern(text) });

export function roomFilter(query: RoomListQuery): FilterQuery<Room> {
  const conditions: FilterQuery<Room>[] = [];
  if (query.search) conditions.push({ name: like(query.search) });
  if (query.siteId) conditions.push({ site: query.siteId });
  return allOf(conditions);
}

export function rackFilter(query: RackListQuery): FilterQuery<Rack> {
  const conditions: FilterQuery<Rack>[] = [];
  if (query.search) conditions.push({ name: like(query.search) });
  if (query.siteId) conditions.push({ room: { site: query.siteId } });
  if (query.roomId) conditions.push({ room: query.roomId });
  if (query.tenantId) conditions.push({ tenant: query.tenantId });
  if (query.status) conditions.push({ status: query.status });
  if (query.rowLabel) conditions.push({ rowLabel: query.rowLabel });
  return allOf(conditions);
}

export function deviceTypeFilter(query: DeviceTypeListQuery): FilterQuery<DeviceType> {
  const conditions: FilterQuery<DeviceType>[] = [];
  if (query.search) {
    const text = like(query.search);
    conditions.push({ $or: [{ manufacturer: text }, { model: text }, { slug: text }, { partNumber: text }] });
  }
  if (query.manufacturer) conditions.push({ manufacturer: query.manufacturer });
  return allOf(conditions);
}

export function deviceFilter(query: DeviceListQuery): FilterQuery<Device> {
  const conditions: FilterQuery<Device>[] = [];
  if (query.search) {
    const text = like(query.search);
    conditions.push({ $or: [{ name: text }, { serial: text }, { assetTag: text }] });
  }
  if (query.siteId) conditions.push({ rack: { room: { site: query.siteId } } });
  if (query.roomId) conditions.push({ rack: { room: query.roomId } });
  if (query.rackId) conditions.push({ rack: query.rackId });
  if (query.tenantId) conditions.push({ tenant: query.tenantId });
  if (query.deviceTypeId) conditions.push({ deviceType: query.deviceTypeId });
  if (query.status) conditions.push({ status: query.status });
  return allOf(conditions);
}

export function contractFilter(query: ContractListQuery): FilterQuery<Contract> {
  const conditions: FilterQuery<Contract>[] = [];
  if (query.search) conditions.push({ reference: like(query.search) });
  if (query.tenantId) conditions.push({ tenant: query.tenantId });
  return allOf(conditions);
}

import type {
  Contract as ContractDto,
  Device as DeviceDto,
  DeviceType as DeviceTypeDto,
  Rack as RackDto,
  Room as RoomDto,
  Site as SiteDto,
  Tenant as TenantDto,
} from '@vigie/shared';
import type { Contract } from './contract.entity.js';
import type { DeviceType } from './device-type.entity.js';
import type { Device } from './device.entity.js';
import type { Rack } from './rack.entity.js';
import type { Room } from './room.entity.js';
import type { Site } from './site.entity.js';
import type { Tenant } from './tenant.entity.js';

export function toSiteDto(site: Site): SiteDto {
  return {
    id: site.id,
    code: site.code,
    name: site.name,
    address: site.address,
    timeZone: site.timeZone,
    countryCode: site.countryCode,
    pueTarget: site.pueTarget ?? null,
    version: site.version,
  };
}

export function toTenantDto(tenant: Tenant): TenantDto {
  return { id: tenant.id, code: tenant.code, name: tenant.name, version: tenant.version };
}

export function toRoomDto(room: Room): RoomDto {
  return {
    id: room.id,
    siteId: room.site.id,
    name: room.name,
    gridColumns: room.gridColumns,
    gridRows: room.gridRows,
    version: room.version,
  };
}

export function toRackDto(rack: Rack): RackDto {
  return {
    id: rack.id,
    roomId: rack.room.id,
    name: rack.name,
    rowLabel: rack.rowLabel,
    gridX: rack.gridX,
    gridY: rack.gridY,
    uHeight: rack.uHeight,
    powerBudgetKw: rack.powerBudgetKw,
    maxWeightKg: rack.maxWeightKg,
    status: rack.status,
    tenantId: rack.tenant?.id ?? null,
    version: rack.version,
  };
}

export function toDeviceTypeDto(type: DeviceType): DeviceTypeDto {
  return {
    id: type.id,
    manufacturer: type.manufacturer,
    model: type.model,
    slug: type.slug,
    partNumber: type.partNumber,
    uHeight: type.uHeight,
    isFullDepth: type.isFullDepth,
    airflow: type.airflow ?? null,
    weightKg: type.weightKg ?? null,
    powerPorts: type.powerPorts,
    version: type.version,
  };
}

export function toDeviceDto(device: Device): DeviceDto {
  return {
    id: device.id,
    name: device.name,
    deviceTypeId: device.deviceType.id,
    rackId: device.rack?.id ?? null,
    position: device.position ?? null,
    face: device.face ?? null,
    status: device.status,
    tenantId: device.tenant?.id ?? null,
    serial: device.serial ?? null,
    assetTag: device.assetTag ?? null,
    version: device.version,
  };
}

export function toContractDto(contract: Contract): ContractDto {
  return {
    id: contract.id,
    tenantId: contract.tenant.id,
    reference: contract.reference,
    serviceHours: contract.serviceHours,
    businessHours: contract.businessHours ?? null,
    slaPolicy: contract.slaPolicy,
    priorityMatrix: contract.priorityMatrix ?? null,
    contacts: contract.contacts,
    startsOn: contract.startsOn,
    endsOn: contract.endsOn ?? null,
    version: contract.version,
  };
}

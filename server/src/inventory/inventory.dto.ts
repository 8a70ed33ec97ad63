import {
  createContractSchema,
  csvImportQuerySchema,
  csvImportResultSchema,
  createDeviceSchema,
  createDeviceTypeSchema,
  createRackSchema,
  createRoomSchema,
  createSiteSchema,
  createTenantSchema,
  deviceTypeImportResultSchema,
  floorPlanSchema,
  placementQuerySchema,
  placementResultSchema,
  rackCapacitySchema,
  rackElevationSchema,
  roomCapacitySchema,
  siteCapacitySchema,
  updateContractSchema,
  updateDeviceSchema,
  updateDeviceTypeSchema,
  updateRackSchema,
  updateRoomSchema,
  updateSiteSchema,
  updateTenantSchema,
  contractListQuerySchema,
  contractSchema,
  deviceListItemSchema,
  deviceListQuerySchema,
  deviceSchema,
  deviceTypeListQuerySchema,
  deviceTypeSchema,
  pageSchema,
  rackListQuerySchema,
  rackSchema,
  roomListQuerySchema,
  roomSchema,
  siteListQuerySchema,
  siteSchema,
  tenantListQuerySchema,
  tenantSchema,
} from '@vigie/shared';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class SiteListQueryDto extends createZodDto(siteListQuerySchema) {}
export class TenantListQueryDto extends createZodDto(tenantListQuerySchema) {}
export class SitePageDto extends createZodDto(pageSchema(siteSchema)) {}
export class SiteDto extends createZodDto(siteSchema) {}
export class TenantPageDto extends createZodDto(pageSchema(tenantSchema)) {}
export class TenantDto extends createZodDto(tenantSchema) {}

export class RoomListQueryDto extends createZodDto(roomListQuerySchema) {}
export class RoomPageDto extends createZodDto(pageSchema(roomSchema)) {}
export class RoomDto extends createZodDto(roomSchema) {}

export class RackListQueryDto extends createZodDto(rackListQuerySchema) {}
export class RackPageDto extends createZodDto(pageSchema(rackSchema)) {}
export class RackDto extends createZodDto(rackSchema) {}

export class DeviceTypeListQueryDto extends createZodDto(deviceTypeListQuerySchema) {}
export class DeviceTypePageDto extends createZodDto(pageSchema(deviceTypeSchema)) {}
export class DeviceTypeDto extends createZodDto(deviceTypeSchema) {}

export class DeviceListQueryDto extends createZodDto(deviceListQuerySchema) {}
export class DevicePageDto extends createZodDto(pageSchema(deviceListItemSchema)) {}
export class DeviceDto extends createZodDto(deviceSchema) {}

export class ContractListQueryDto extends createZodDto(contractListQuerySchema) {}
export class ContractPageDto extends createZodDto(pageSchema(contractSchema)) {}
export class ContractDto extends createZodDto(contractSchema) {}

export class CreateSiteDto extends createZodDto(createSiteSchema) {}
export class UpdateSiteDto extends createZodDto(updateSiteSchema) {}
export class CreateTenantDto extends createZodDto(createTenantSchema) {}
export class UpdateTenantDto extends createZodDto(updateTenantSchema) {}
export class CreateRoomDto extends createZodDto(createRoomSchema) {}
export class UpdateRoomDto extends createZodDto(updateRoomSchema) {}
export class CreateRackDto extends createZodDto(createRackSchema) {}
export class UpdateRackDto extends createZodDto(updateRackSchema) {}
export class CreateDeviceTypeDto extends createZodDto(createDeviceTypeSchema) {}
export class UpdateDeviceTypeDto extends createZodDto(updateDeviceTypeSchema) {}
export class CreateDeviceDto extends createZodDto(createDeviceSchema) {}
export class UpdateDeviceDto extends createZodDto(updateDeviceSchema) {}
export class CreateContractDto extends createZodDto(createContractSchema) {}
export class UpdateContractDto extends createZodDto(updateContractSchema) {}

/**
 * `DELETE …?version=3`: the version the client last saw, required, so a delete never silently
 * wins over an edit it did not see (409 with the current state when stale).
 */
export class DeleteQueryDto extends createZodDto(
  z.strictObject({ version: z.coerce.number().int().nonnegative() }),
) {}

export class RackElevationDto extends createZodDto(rackElevationSchema) {}
export class RackCapacityDto extends createZodDto(rackCapacitySchema) {}
export class RoomCapacityDto extends createZodDto(roomCapacitySchema) {}
export class SiteCapacityDto extends createZodDto(siteCapacitySchema) {}
export class FloorPlanDto extends createZodDto(floorPlanSchema) {}
export class PlacementQueryDto extends createZodDto(placementQuerySchema) {}
export class PlacementResultDto extends createZodDto(placementResultSchema) {}
export class DeviceTypeImportResultDto extends createZodDto(deviceTypeImportResultSchema) {}

export class CsvImportQueryDto extends createZodDto(csvImportQuerySchema) {}
export class CsvImportResultDto extends createZodDto(csvImportResultSchema) {}
export class RackExportQueryDto extends createZodDto(
  rackListQuerySchema.omit({ limit: true, cursor: true }),
) {}
export class DeviceExportQueryDto extends createZodDto(
  deviceListQuerySchema.omit({ limit: true, cursor: true }),
) {}

import {
  contractListQuerySchema,
  contractSchema,
  deviceListQuerySchema,
  deviceSchema,
  deviceTypeListQuerySchema,
  deviceTypeSchema,
  pageQuerySchema,
  pageSchema,
  rackListQuerySchema,
  rackSchema,
  roomListQuerySchema,
  roomSchema,
  siteSchema,
  tenantSchema,
} from '@vigie/shared';
import { createZodDto } from 'nestjs-zod';

export class InventoryListQueryDto extends createZodDto(pageQuerySchema) {}
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
export class DevicePageDto extends createZodDto(pageSchema(deviceSchema)) {}
export class DeviceDto extends createZodDto(deviceSchema) {}

export class ContractListQueryDto extends createZodDto(contractListQuerySchema) {}
export class ContractPageDto extends createZodDto(pageSchema(contractSchema)) {}
export class ContractDto extends createZodDto(contractSchema) {}

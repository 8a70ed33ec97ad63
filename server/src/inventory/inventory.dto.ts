import { pageQuerySchema, pageSchema, siteSchema, tenantSchema } from '@vigie/shared';
import { createZodDto } from 'nestjs-zod';

export class InventoryListQueryDto extends createZodDto(pageQuerySchema) {}
export class SitePageDto extends createZodDto(pageSchema(siteSchema)) {}
export class SiteDto extends createZodDto(siteSchema) {}
export class TenantPageDto extends createZodDto(pageSchema(tenantSchema)) {}
export class TenantDto extends createZodDto(tenantSchema) {}

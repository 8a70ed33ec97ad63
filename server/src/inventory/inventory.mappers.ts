import type { Site as SiteDto, Tenant as TenantDto } from '@vigie/shared';
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

import { EntityManager } from '@mikro-orm/core';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { InventorySearchResult } from '@vigie/shared';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { inventorySearchQuerySchema, inventorySearchResultSchema } from '@vigie/shared';
import { Allow } from '../auth/access.decorator.js';
import { Device } from './device.entity.js';
import { deviceFilter, rackFilter } from './inventory-filters.js';
import { toDeviceDto, toRackDto, toSiteDto } from './inventory.mappers.js';
import { containsPattern } from '../common/keyset-page.js';
import { Rack } from './rack.entity.js';
import { Site } from './site.entity.js';

class InventorySearchQueryDto extends createZodDto(inventorySearchQuerySchema) {}
class InventorySearchResultDto extends createZodDto(inventorySearchResultSchema) {}

@ApiTags('inventory')
@Allow('inventory.read')
@Controller('inventory/search')
export class InventorySearchController {
  constructor(private readonly em: EntityManager) {}

  /** Sites by code or name, racks by name, devices by name, serial or asset tag; tenant-scoped like the lists. */
  @Get()
  @ZodResponse({ type: InventorySearchResultDto })
  async search(@Query() query: InventorySearchQueryDto): Promise<InventorySearchResult> {
    const em = this.em.fork();
    const text = { $like: containsPattern(query.q) };
    const options = { limit: query.limit, orderBy: { id: 'asc' } } as const;
    const [sites, racks, devices] = await Promise.all([
      em.find(Site, { $or: [{ code: text }, { name: text }] }, options),
      em.find(Rack, rackFilter({ search: query.q, limit: query.limit }), options),
      em.find(Device, deviceFilter({ search: query.q, limit: query.limit }), options),
    ]);
    return { sites: sites.map(toSiteDto), racks: racks.map(toRackDto), devices: devices.map(toDeviceDto) };
  }
}

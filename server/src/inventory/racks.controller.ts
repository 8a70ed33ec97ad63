import { EntityManager } from '@mikro-orm/core';
import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Rack as RackShape, Page } from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { Allow } from '../auth/access.decorator.js';
import { notFound } from '../common/domain-error.js';
import { keysetPage } from '../common/keyset-page.js';
import { RackDto, RackListQueryDto, RackPageDto } from './inventory.dto.js';
import { rackFilter } from './inventory-filters.js';
import { toRackDto } from './inventory.mappers.js';
import { Rack } from './rack.entity.js';

@ApiTags('inventory')
@Allow('inventory.read')
@Controller('racks')
export class RacksController {
  constructor(private readonly em: EntityManager) {}

  @Get()
  @ZodResponse({ type: RackPageDto })
  list(@Query() query: RackListQueryDto): Promise<Page<RackShape>> {
    return keysetPage(this.em.fork(), Rack, rackFilter(query), query, toRackDto);
  }

  /** Tenant scoping happens in the data layer: another tenant's rack is simply not rack. */
  @Get(':id')
  @ZodResponse({ type: RackDto })
  async get(@Param('id', ParseIntPipe) id: number): Promise<RackShape> {
    const rack = await this.em.fork().findOne(Rack, { id });
    if (!rack) throw notFound('Rack');
    return toRackDto(rack);
  }
}

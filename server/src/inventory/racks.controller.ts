import { EntityManager } from '@mikro-orm/core';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, Rack as RackShape, RackCapacity, RackElevation } from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { CapacityService } from './capacity.service.js';
import { RackElevationService } from './rack-elevation.service.js';
import { RacksService } from './racks.service.js';
import { Allow } from '../auth/access.decorator.js';
import { Idempotent } from '../common/idempotency/idempotent.decorator.js';
import { notFound } from '../common/domain-error.js';
import { keysetPage, sortOrderOf } from '../common/keyset-page.js';
import {
  CreateRackDto,
  DeleteQueryDto,
  RackCapacityDto,
  RackDto,
  RackElevationDto,
  RackListQueryDto,
  RackPageDto,
  UpdateRackDto,
} from './inventory.dto.js';
import { rackFilter } from './inventory-filters.js';
import { toRackDto } from './inventory.mappers.js';
import { Rack } from './rack.entity.js';

@ApiTags('inventory')
@Allow('inventory.read')
@Controller('racks')
export class RacksController {
  constructor(
    private readonly em: EntityManager,
    private readonly racks: RacksService,
    private readonly elevations: RackElevationService,
    private readonly capacity: CapacityService,
  ) {}

  @Get()
  @ZodResponse({ type: RackPageDto })
  list(@Query() query: RackListQueryDto): Promise<Page<RackShape>> {
    return keysetPage(this.em.fork(), Rack, rackFilter(query), query, toRackDto, [], sortOrderOf(query.sort));
  }

  /** Tenant scoping happens in the data layer: another tenant's rack is simply not rack. */
  @Get(':id')
  @ZodResponse({ type: RackDto })
  async get(@Param('id', ParseIntPipe) id: number): Promise<RackShape> {
    const rack = await this.em.fork().findOne(Rack, { id });
    if (!rack) throw notFound('Rack');
    return toRackDto(rack);
  }

  @Get(':id/elevation')
  @ZodResponse({ type: RackElevationDto })
  elevation(@Param('id', ParseIntPipe) id: number): RackElevation {
    return this.elevations.elevation(id);
  }

  @Get(':id/capacity')
  @ZodResponse({ type: RackCapacityDto })
  capacityOf(@Param('id', ParseIntPipe) id: number): Promise<RackCapacity> {
    return this.capacity.rack(id);
  }

  @Post()
  @Allow('inventory.write')
  @Idempotent()
  @ZodResponse({ status: 201, type: RackDto })
  create(@Body() body: CreateRackDto): Promise<RackShape> {
    return this.racks.create(body);
  }

  @Patch(':id')
  @Allow('inventory.write')
  @ZodResponse({ type: RackDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() body: UpdateRackDto): Promise<RackShape> {
    return this.racks.update(id, body);
  }

  /** Refused (422) while the rack holds devices. */
  @Delete(':id')
  @Allow('inventory.write')
  @HttpCode(204)
  remove(@Param('id', ParseIntPipe) id: number, @Query() query: DeleteQueryDto): Promise<void> {
    return this.racks.delete(id, query.version);
  }
}

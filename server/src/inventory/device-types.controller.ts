import { EntityManager } from '@mikro-orm/core';
import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DeviceType as DeviceTypeShape, Page } from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { Allow } from '../auth/access.decorator.js';
import { notFound } from '../common/domain-error.js';
import { keysetPage } from '../common/keyset-page.js';
import { DeviceTypeDto, DeviceTypeListQueryDto, DeviceTypePageDto } from './inventory.dto.js';
import { deviceTypeFilter } from './inventory-filters.js';
import { toDeviceTypeDto } from './inventory.mappers.js';
import { DeviceType } from './device-type.entity.js';

@ApiTags('inventory')
@Allow('inventory.read')
@Controller('device-types')
export class DeviceTypesController {
  constructor(private readonly em: EntityManager) {}

  @Get()
  @ZodResponse({ type: DeviceTypePageDto })
  list(@Query() query: DeviceTypeListQueryDto): Promise<Page<DeviceTypeShape>> {
    return keysetPage(this.em.fork(), DeviceType, deviceTypeFilter(query), query, toDeviceTypeDto);
  }

  /** Device types are a catalogue shared by every tenant: no scoping. */
  @Get(':id')
  @ZodResponse({ type: DeviceTypeDto })
  async get(@Param('id', ParseIntPipe) id: number): Promise<DeviceTypeShape> {
    const deviceType = await this.em.fork().findOne(DeviceType, { id });
    if (!deviceType) throw notFound('Device type');
    return toDeviceTypeDto(deviceType);
  }
}

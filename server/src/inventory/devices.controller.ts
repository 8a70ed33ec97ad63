import { EntityManager } from '@mikro-orm/core';
import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Device as DeviceShape, Page } from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { Allow } from '../auth/access.decorator.js';
import { notFound } from '../common/domain-error.js';
import { keysetPage } from '../common/keyset-page.js';
import { DeviceDto, DeviceListQueryDto, DevicePageDto } from './inventory.dto.js';
import { deviceFilter } from './inventory-filters.js';
import { toDeviceDto } from './inventory.mappers.js';
import { Device } from './device.entity.js';

@ApiTags('inventory')
@Allow('inventory.read')
@Controller('devices')
export class DevicesController {
  constructor(private readonly em: EntityManager) {}

  @Get()
  @ZodResponse({ type: DevicePageDto })
  list(@Query() query: DeviceListQueryDto): Promise<Page<DeviceShape>> {
    return keysetPage(this.em.fork(), Device, deviceFilter(query), query, toDeviceDto);
  }

  /** Tenant scoping happens in the data layer: another tenant's device is simply not device. */
  @Get(':id')
  @ZodResponse({ type: DeviceDto })
  async get(@Param('id', ParseIntPipe) id: number): Promise<DeviceShape> {
    const device = await this.em.fork().findOne(Device, { id });
    if (!device) throw notFound('Device');
    return toDeviceDto(device);
  }
}

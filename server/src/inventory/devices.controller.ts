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
import type { Device as DeviceShape, DeviceListItem, Page } from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { DevicesService } from './devices.service.js';
import { Allow } from '../auth/access.decorator.js';
import { Idempotent } from '../common/idempotency/idempotent.decorator.js';
import { notFound } from '../common/domain-error.js';
import {
  CreateDeviceDto,
  DeleteQueryDto,
  DeviceDto,
  DeviceListQueryDto,
  DevicePageDto,
  UpdateDeviceDto,
} from './inventory.dto.js';
import { DeviceListRepository } from './device-list.repository.js';
import { toDeviceDto } from './inventory.mappers.js';
import { Device } from './device.entity.js';

@ApiTags('inventory')
@Allow('inventory.read')
@Controller('devices')
export class DevicesController {
  constructor(
    private readonly em: EntityManager,
    private readonly devices: DevicesService,
    private readonly deviceList: DeviceListRepository,
  ) {}

  @Get()
  @ZodResponse({ type: DevicePageDto })
  list(@Query() query: DeviceListQueryDto): Page<DeviceListItem> {
    return this.deviceList.page(query);
  }

  /** Tenant scoping happens in the data layer: another tenant's device is simply not device. */
  @Get(':id')
  @ZodResponse({ type: DeviceDto })
  async get(@Param('id', ParseIntPipe) id: number): Promise<DeviceShape> {
    const device = await this.em.fork().findOne(Device, { id });
    if (!device) throw notFound('Device');
    return toDeviceDto(device);
  }

  /** 409 when the place overlaps another device on the same face; 422 when it cannot be mounted there. */
  @Post()
  @Allow('inventory.write')
  @Idempotent()
  @ZodResponse({ status: 201, type: DeviceDto })
  create(@Body() body: CreateDeviceDto): Promise<DeviceShape> {
    return this.devices.create(body);
  }

  @Patch(':id')
  @Allow('inventory.write')
  @ZodResponse({ type: DeviceDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() body: UpdateDeviceDto): Promise<DeviceShape> {
    return this.devices.update(id, body);
  }

  @Delete(':id')
  @Allow('inventory.write')
  @HttpCode(204)
  remove(@Param('id', ParseIntPipe) id: number, @Query() query: DeleteQueryDto): Promise<void> {
    return this.devices.delete(id, query.version);
  }
}

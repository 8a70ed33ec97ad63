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
import type { FloorPlan, Page, Room as RoomShape, RoomCapacity } from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { CapacityService } from './capacity.service.js';
import { RoomsService } from './rooms.service.js';
import { Allow } from '../auth/access.decorator.js';
import { Idempotent } from '../common/idempotency/idempotent.decorator.js';
import { notFound } from '../common/domain-error.js';
import { keysetPage, sortOrderOf } from '../common/keyset-page.js';
import {
  CreateRoomDto,
  DeleteQueryDto,
  FloorPlanDto,
  RoomCapacityDto,
  RoomDto,
  RoomListQueryDto,
  RoomPageDto,
  UpdateRoomDto,
} from './inventory.dto.js';
import { roomFilter } from './inventory-filters.js';
import { toRoomDto } from './inventory.mappers.js';
import { Room } from './room.entity.js';

@ApiTags('inventory')
@Allow('inventory.read')
@Controller('rooms')
export class RoomsController {
  constructor(
    private readonly em: EntityManager,
    private readonly rooms: RoomsService,
    private readonly capacity: CapacityService,
  ) {}

  @Get()
  @ZodResponse({ type: RoomPageDto })
  list(@Query() query: RoomListQueryDto): Promise<Page<RoomShape>> {
    return keysetPage(this.em.fork(), Room, roomFilter(query), query, toRoomDto, [], sortOrderOf(query.sort));
  }

  /** Tenant scoping happens in the data layer: another tenant's room is simply not room. */
  @Get(':id')
  @ZodResponse({ type: RoomDto })
  async get(@Param('id', ParseIntPipe) id: number): Promise<RoomShape> {
    const room = await this.em.fork().findOne(Room, { id });
    if (!room) throw notFound('Room');
    return toRoomDto(room);
  }

  @Get(':id/capacity')
  @ZodResponse({ type: RoomCapacityDto })
  capacityOf(@Param('id', ParseIntPipe) id: number): Promise<RoomCapacity> {
    return this.capacity.room(id);
  }

  /** The racks on the room's grid with every measure a floor plan can be coloured by. */
  @Get(':id/floor-plan')
  @ZodResponse({ type: FloorPlanDto })
  floorPlan(@Param('id', ParseIntPipe) id: number): FloorPlan {
    return this.capacity.floorPlan(id);
  }

  @Post()
  @Allow('inventory.write')
  @Idempotent()
  @ZodResponse({ status: 201, type: RoomDto })
  create(@Body() body: CreateRoomDto): Promise<RoomShape> {
    return this.rooms.create(body);
  }

  @Patch(':id')
  @Allow('inventory.write')
  @ZodResponse({ type: RoomDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() body: UpdateRoomDto): Promise<RoomShape> {
    return this.rooms.update(id, body);
  }

  /** 409 with the current state while other records still refer to it. */
  @Delete(':id')
  @Allow('inventory.write')
  @HttpCode(204)
  remove(@Param('id', ParseIntPipe) id: number, @Query() query: DeleteQueryDto): Promise<void> {
    return this.rooms.delete(id, query.version);
  }
}

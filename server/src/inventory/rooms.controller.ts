import { EntityManager } from '@mikro-orm/core';
import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Room as RoomShape, Page } from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { Allow } from '../auth/access.decorator.js';
import { notFound } from '../common/domain-error.js';
import { keysetPage } from '../common/keyset-page.js';
import { RoomDto, RoomListQueryDto, RoomPageDto } from './inventory.dto.js';
import { roomFilter } from './inventory-filters.js';
import { toRoomDto } from './inventory.mappers.js';
import { Room } from './room.entity.js';

@ApiTags('inventory')
@Allow('inventory.read')
@Controller('rooms')
export class RoomsController {
  constructor(private readonly em: EntityManager) {}

  @Get()
  @ZodResponse({ type: RoomPageDto })
  list(@Query() query: RoomListQueryDto): Promise<Page<RoomShape>> {
    return keysetPage(this.em.fork(), Room, roomFilter(query), query, toRoomDto);
  }

  /** Tenant scoping happens in the data layer: another tenant's room is simply not room. */
  @Get(':id')
  @ZodResponse({ type: RoomDto })
  async get(@Param('id', ParseIntPipe) id: number): Promise<RoomShape> {
    const room = await this.em.fork().findOne(Room, { id });
    if (!room) throw notFound('Room');
    return toRoomDto(room);
  }
}

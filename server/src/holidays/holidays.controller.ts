import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Holiday, Page } from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { Allow } from '../auth/access.decorator.js';
import {
  AddDefaultHolidaysDto,
  CreateHolidayDto,
  HolidayDto,
  HolidayListQueryDto,
  HolidayPageDto,
} from './holidays.dto.js';
import { HolidaysService } from './holidays.service.js';

/** Public holidays are part of the contracts' service calendars: read and written like contracts. */
@ApiTags('holidays')
@Allow('contract.read')
@Controller('holidays')
export class HolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  /** One country's holidays of one year, in date order (a single, complete page). */
  @Get()
  @ZodResponse({ type: HolidayPageDto })
  async list(@Query() query: HolidayListQueryDto): Promise<Page<Holiday>> {
    return { items: await this.holidays.list(query), nextCursor: null };
  }

  /** 409 with the stored holiday when the country already has one on that date. */
  @Post()
  @Allow('contract.write')
  @ZodResponse({ status: 201, type: HolidayDto })
  create(@Body() body: CreateHolidayDto): Promise<Holiday> {
    return this.holidays.create(body);
  }

  /** Adds the year's statutory holidays not stored yet (422 for a country without rules); answers those added. */
  @Post('defaults')
  @Allow('contract.write')
  @ZodResponse({ status: 201, type: HolidayPageDto })
  async addDefaults(@Body() body: AddDefaultHolidaysDto): Promise<Page<Holiday>> {
    return { items: await this.holidays.addDefaults(body), nextCursor: null };
  }

  @Delete(':id')
  @Allow('contract.write')
  @HttpCode(204)
  remove(@Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.holidays.delete(id);
  }
}

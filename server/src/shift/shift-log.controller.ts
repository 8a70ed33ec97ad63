import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, ShiftLogEntry } from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { Allow } from '../auth/access.decorator.js';
import { CurrentActor } from '../common/current.decorator.js';
import { Idempotent } from '../common/idempotency/idempotent.decorator.js';
import type { Actor } from '../common/request-context.js';
import { CreateShiftLogEntryDto, ShiftLogEntryDto, ShiftLogPageDto, ShiftLogQueryDto } from './shift.dto.js';
import { ShiftLogService } from './shift-log.service.js';

/** The main courante. Append-only on purpose: there is no PATCH or DELETE route. */
@ApiTags('shift')
@Allow('shift.read')
@Controller('shift-log')
export class ShiftLogController {
  constructor(private readonly log: ShiftLogService) {}

  @Get()
  @ZodResponse({ type: ShiftLogPageDto })
  list(@Query() query: ShiftLogQueryDto): Promise<Page<ShiftLogEntry>> {
    return this.log.list(query);
  }

  @Post()
  @Allow('shift.write')
  @Idempotent()
  @ZodResponse({ status: 201, type: ShiftLogEntryDto })
  append(@Body() body: CreateShiftLogEntryDto, @CurrentActor() actor: Actor): Promise<ShiftLogEntry> {
    return this.log.append(body, actor);
  }
}

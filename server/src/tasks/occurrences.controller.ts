import { EntityManager } from '@mikro-orm/core';
import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Occurrence, Page } from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { Allow } from '../auth/access.decorator.js';
import { CurrentActor } from '../common/current.decorator.js';
import { Idempotent } from '../common/idempotency/idempotent.decorator.js';
import type { Actor } from '../common/request-context.js';
import { listOccurrences } from './occurrence-queries.js';
import {
  CancelOccurrenceDto,
  OccurrenceDto,
  OccurrenceListQueryDto,
  OccurrencePageDto,
  StartOccurrenceDto,
} from './tasks.dto.js';
import { TasksService } from './tasks.service.js';

@ApiTags('tasks')
@Allow('task.read')
@Controller('occurrences')
export class OccurrencesController {
  constructor(
    private readonly em: EntityManager,
    private readonly tasks: TasksService,
  ) {}

  /** The calendar and the overdue / upcoming lists: by scheduled time, filtered by range, site, team, state. */
  @Get()
  @ZodResponse({ type: OccurrencePageDto })
  list(@Query() query: OccurrenceListQueryDto): Promise<Page<Occurrence>> {
    return listOccurrences(this.em.fork(), query);
  }

  @Get(':id')
  @ZodResponse({ type: OccurrenceDto })
  get(@Param('id', ParseIntPipe) id: number): Promise<Occurrence> {
    return this.tasks.getOccurrence(id);
  }

  /** Starts the task's procedure run for this occurrence (it moves to in_progress with the run's id). */
  @Post(':id/start')
  @Allow('run.tick')
  @Idempotent()
  @ZodResponse({ status: 201, type: OccurrenceDto })
  start(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: StartOccurrenceDto,
    @CurrentActor() actor: Actor,
  ): Promise<Occurrence> {
    return this.tasks.start(actor, id, body);
  }

  @Post(':id/cancel')
  @Allow('task.define')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: OccurrenceDto })
  cancel(@Param('id', ParseIntPipe) id: number, @Body() body: CancelOccurrenceDto): Promise<Occurrence> {
    return this.tasks.cancel(id, body);
  }
}

import { EntityManager } from '@mikro-orm/core';
import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, RecurringTask as RecurringTaskShape, TaskPreview } from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { Allow } from '../auth/access.decorator.js';
import { CurrentActor } from '../common/current.decorator.js';
import { Idempotent } from '../common/idempotency/idempotent.decorator.js';
import { containsPattern, keysetPage } from '../common/keyset-page.js';
import type { Actor } from '../common/request-context.js';
import { RecurringTask } from './recurring-task.entity.js';
import { taskPopulate, toTaskDto } from './task-views.js';
import {
  CreateTaskDto,
  TaskDto,
  TaskListQueryDto,
  TaskPageDto,
  TaskPreviewDto,
  TaskPreviewRequestDto,
  UpdateTaskDto,
} from './tasks.dto.js';
import { TasksService } from './tasks.service.js';

@ApiTags('tasks')
@Allow('task.read')
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly em: EntityManager,
    private readonly tasks: TasksService,
  ) {}

  @Get()
  @ZodResponse({ type: TaskPageDto })
  list(@Query() query: TaskListQueryDto): Promise<Page<RecurringTaskShape>> {
    return keysetPage(
      this.em.fork(),
      RecurringTask,
      {
        ...(query.siteId ? { site: query.siteId } : {}),
        ...(query.team ? { team: query.team } : {}),
        ...(query.active !== undefined ? { active: query.active } : {}),
        ...(query.search ? { title: { $like: containsPattern(query.search) } } : {}),
      },
      query,
      toTaskDto,
      taskPopulate,
    );
  }

  @Post()
  @Allow('task.define')
  @Idempotent()
  @ZodResponse({ status: 201, type: TaskDto })
  create(@Body() body: CreateTaskDto, @CurrentActor() actor: Actor): Promise<RecurringTaskShape> {
    return this.tasks.create(actor, body);
  }

  /** The next occurrences of a rule in the site's zone, as UTC instants and local wall times. */
  @Post('preview')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: TaskPreviewDto })
  preview(@Body() body: TaskPreviewRequestDto): Promise<TaskPreview> {
    return this.tasks.preview(body);
  }

  @Get(':id')
  @ZodResponse({ type: TaskDto })
  get(@Param('id', ParseIntPipe) id: number): Promise<RecurringTaskShape> {
    return this.tasks.get(id);
  }

  @Patch(':id')
  @Allow('task.define')
  @ZodResponse({ type: TaskDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() body: UpdateTaskDto): Promise<RecurringTaskShape> {
    return this.tasks.update(id, body);
  }
}

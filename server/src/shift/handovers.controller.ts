import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Handover, Page } from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { Allow } from '../auth/access.decorator.js';
import { CurrentActor } from '../common/current.decorator.js';
import { Idempotent } from '../common/idempotency/idempotent.decorator.js';
import type { Actor } from '../common/request-context.js';
import { HandoversService } from './handovers.service.js';
import {
  HandoverDraftQueryDto,
  HandoverDto,
  HandoverListQueryDto,
  HandoverPageDto,
  SubmitHandoverDto,
} from './shift.dto.js';

@ApiTags('shift')
@Allow('shift.read')
@Controller('handovers')
export class HandoversController {
  constructor(private readonly handovers: HandoversService) {}

  @Get()
  @ZodResponse({ type: HandoverPageDto })
  list(@Query() query: HandoverListQueryDto): Promise<Page<Handover>> {
    return this.handovers.list(query);
  }

  /** Generated now from the live state; nothing is stored. */
  @Get('draft')
  @Allow('shift.write')
  @ZodResponse({ type: HandoverDto })
  draft(@Query() query: HandoverDraftQueryDto, @CurrentActor() actor: Actor): Promise<Handover> {
    return this.handovers.draft(query.siteId, actor);
  }

  @Get(':id')
  @ZodResponse({ type: HandoverDto })
  get(@Param('id', ParseIntPipe) id: number): Promise<Handover> {
    return this.handovers.get(id);
  }

  @Post()
  @Allow('shift.write')
  @Idempotent()
  @ZodResponse({ status: 201, type: HandoverDto })
  submit(@Body() body: SubmitHandoverDto, @CurrentActor() actor: Actor): Promise<Handover> {
    return this.handovers.submit(body, actor);
  }

  @Post(':id/acknowledge')
  @Allow('shift.write')
  @Idempotent()
  @HttpCode(200)
  @ZodResponse({ status: 200, type: HandoverDto })
  acknowledge(@Param('id', ParseIntPipe) id: number, @CurrentActor() actor: Actor): Promise<Handover> {
    return this.handovers.acknowledge(id, actor);
  }
}

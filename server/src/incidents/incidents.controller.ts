import { EntityManager } from '@mikro-orm/core';
import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import {
  incidentTransitionTargetSchema,
  type Incident as IncidentShape,
  type IncidentTransitionTarget,
  type Page,
  type TimelineEntry,
  type UserRef,
} from '@vigie/shared';
import { ZodResponse, ZodValidationPipe } from 'nestjs-zod';
import { Allow } from '../auth/access.decorator.js';
import { User } from '../auth/user.entity.js';
import { CurrentActor } from '../common/current.decorator.js';
import { Idempotent } from '../common/idempotency/idempotent.decorator.js';
import { notFound } from '../common/domain-error.js';
import { keysetPage } from '../common/keyset-page.js';
import type { Actor } from '../common/request-context.js';
import { incidentFilter, incidentSortOf } from './incident-queries.js';
import { timelinePageFor } from './incident-timeline-view.js';
import { Incident } from './incident.entity.js';
import { toUserRef } from './incident.mapper.js';
import { incidentDto, incidentDtos, viewFor } from './incident-views.js';
import {
  AssigneePageDto,
  CreateIncidentDto,
  CreateIncidentNoteDto,
  IncidentDto,
  IncidentListQueryDto,
  IncidentPageDto,
  IncidentTransitionDto,
  TimelineEntryDto,
  TimelinePageDto,
  TimelineQueryDto,
  UpdateIncidentDto,
} from './incidents.dto.js';
import { IncidentsService } from './incidents.service.js';

@ApiTags('incidents')
@Allow('incident.read')
@Controller('incidents')
export class IncidentsController {
  constructor(
    private readonly em: EntityManager,
    private readonly incidents: IncidentsService,
  ) {}

  /** Board order by default. A client viewer's list holds only their tenant's incidents (ORM filter). */
  @Get()
  @ZodResponse({ type: IncidentPageDto })
  async list(
    @Query() query: IncidentListQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<Page<IncidentShape>> {
    const em = this.em.fork();
    const page = await keysetPage(
      em,
      Incident,
      incidentFilter(query, actor),
      query,
      (incident) => incident,
      [],
      incidentSortOf(query),
    );
    const items = await incidentDtos(em, page.items);
    return { items: items.map((item) => viewFor(actor, item)), nextCursor: page.nextCursor };
  }

  /** The people an incident may be assigned to: active staff who work incidents. */
  @Get('assignees')
  @Allow('incident.triage')
  @ZodResponse({ type: AssigneePageDto })
  async assignees(): Promise<Page<UserRef>> {
    const users = await this.em
      .fork()
      .find(
        User,
        { active: true, role: { $in: ['admin', 'coordinator', 'technician'] } },
        { orderBy: { displayName: 'asc', id: 'asc' } },
      );
    return { items: users.map((user) => toUserRef(user)!), nextCursor: null };
  }

  @Get(':id')
  @ZodResponse({ type: IncidentDto })
  async get(@Param('id', ParseIntPipe) id: number, @CurrentActor() actor: Actor): Promise<IncidentShape> {
    const em = this.em.fork();
    return viewFor(actor, await incidentDto(em, await visibleIncident(em, id)));
  }

  @Get(':id/timeline')
  @ZodResponse({ type: TimelinePageDto })
  async timeline(
    @Param('id', ParseIntPipe) id: number,
    @Query() query: TimelineQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<Page<TimelineEntry>> {
    const em = this.em.fork();
    return timelinePageFor(em, actor, await visibleIncident(em, id), query);
  }

  /** Technicians may open incidents; assigning or declaring major needs the triage permission. */
  @Post()
  @Allow('incident.create')
  @Idempotent()
  @ZodResponse({ status: 201, type: IncidentDto })
  create(@Body() body: CreateIncidentDto, @CurrentActor() actor: Actor): Promise<IncidentShape> {
    return this.incidents.create(body, actor);
  }

  @Patch(':id')
  @Allow('incident.triage')
  @ZodResponse({ type: IncidentDto })
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UpdateIncidentDto,
    @CurrentActor() actor: Actor,
  ): Promise<IncidentShape> {
    return this.incidents.update(id, body, actor);
  }

  @Post(':id/transitions')
  @Allow('incident.triage')
  @HttpCode(200)
  @ApiBody({ type: IncidentTransitionDto })
  @ZodResponse({ status: 200, type: IncidentDto })
  transition(
    @Param('id', ParseIntPipe) id: number,
    @Body(new ZodValidationPipe(incidentTransitionTargetSchema)) body: IncidentTransitionTarget,
    @CurrentActor() actor: Actor,
  ): Promise<IncidentShape> {
    return this.incidents.transition(id, body, actor);
  }

  /** Anyone who may open an incident may add to its timeline. */
  @Post(':id/notes')
  @Allow('incident.create')
  @Idempotent()
  @ZodResponse({ status: 201, type: TimelineEntryDto })
  addNote(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: CreateIncidentNoteDto,
    @CurrentActor() actor: Actor,
  ): Promise<TimelineEntry> {
    return this.incidents.addNote(id, body, actor);
  }
}

/** The incident if the signed-in user may see it (tenant scoping in the data layer), else 404. */
async function visibleIncident(em: EntityManager, id: number): Promise<Incident> {
  const incident = await em.findOne(Incident, { id });
  if (!incident) throw notFound('Incident');
  return incident;
}

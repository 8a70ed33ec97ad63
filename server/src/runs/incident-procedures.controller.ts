import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SuggestedProcedureList } from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { Allow } from '../auth/access.decorator.js';
import { SuggestedProceduresDto } from './runs.dto.js';
import { SuggestedProceduresService } from './suggested-procedures.service.js';

@ApiTags('runs')
@Controller('incidents')
export class IncidentProceduresController {
  constructor(private readonly suggestions: SuggestedProceduresService) {}

  /** Procedures to start for the incident, by its category and the kinds of equipment it affects. */
  @Get(':id/suggested-procedures')
  @Allow('run.read')
  @ZodResponse({ type: SuggestedProceduresDto })
  async suggested(@Param('id', ParseIntPipe) id: number): Promise<SuggestedProcedureList> {
    return { items: await this.suggestions.forIncident(id), nextCursor: null };
  }
}

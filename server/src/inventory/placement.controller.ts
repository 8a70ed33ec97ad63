import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PlacementResult } from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { Allow } from '../auth/access.decorator.js';
import { PlacementQueryDto, PlacementResultDto } from './inventory.dto.js';
import { PlacementSearchService } from './placement-search.service.js';

@ApiTags('inventory')
@Allow('inventory.read')
@Controller('placement')
export class PlacementController {
  constructor(private readonly placement: PlacementSearchService) {}

  /** "Where can N U drawing W watts go for tenant T": racks with a free block and power headroom, best first. */
  @Get()
  @ZodResponse({ type: PlacementResultDto })
  search(@Query() query: PlacementQueryDto): PlacementResult {
    return this.placement.search(query);
  }
}

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
import type { Page, Site as SiteShape, SiteCapacity } from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { CapacityService } from './capacity.service.js';
import { SitesService } from './sites.service.js';
import { Allow } from '../auth/access.decorator.js';
import { Idempotent } from '../common/idempotency/idempotent.decorator.js';
import { notFound } from '../common/domain-error.js';
import { containsPattern, keysetPage, sortOrderOf } from '../common/keyset-page.js';
import {
  CreateSiteDto,
  DeleteQueryDto,
  SiteCapacityDto,
  SiteDto,
  SiteListQueryDto,
  SitePageDto,
  UpdateSiteDto,
} from './inventory.dto.js';
import { toSiteDto } from './inventory.mappers.js';
import { Site } from './site.entity.js';

@ApiTags('inventory')
@Allow('inventory.read')
@Controller('sites')
export class SitesController {
  constructor(
    private readonly em: EntityManager,
    private readonly sites: SitesService,
    private readonly capacity: CapacityService,
  ) {}

  @Get()
  @ZodResponse({ type: SitePageDto })
  list(@Query() query: SiteListQueryDto): Promise<Page<SiteShape>> {
    const where = query.search
      ? {
          $or: [
            { code: { $like: containsPattern(query.search) } },
            { name: { $like: containsPattern(query.search) } },
          ],
        }
      : {};
    return keysetPage(this.em.fork(), Site, where, query, toSiteDto, [], sortOrderOf(query.sort));
  }

  @Get(':id')
  @ZodResponse({ type: SiteDto })
  async get(@Param('id', ParseIntPipe) id: number): Promise<SiteShape> {
    const site = await this.em.fork().findOne(Site, { id });
    if (!site) throw notFound('Site');
    return toSiteDto(site);
  }

  @Get(':id/capacity')
  @ZodResponse({ type: SiteCapacityDto })
  capacityOf(@Param('id', ParseIntPipe) id: number): Promise<SiteCapacity> {
    return this.capacity.site(id);
  }

  @Post()
  @Allow('inventory.write')
  @Idempotent()
  @ZodResponse({ status: 201, type: SiteDto })
  create(@Body() body: CreateSiteDto): Promise<SiteShape> {
    return this.sites.create(body);
  }

  @Patch(':id')
  @Allow('inventory.write')
  @ZodResponse({ type: SiteDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() body: UpdateSiteDto): Promise<SiteShape> {
    return this.sites.update(id, body);
  }

  /** 409 with the current state while other records still refer to it. */
  @Delete(':id')
  @Allow('inventory.write')
  @HttpCode(204)
  remove(@Param('id', ParseIntPipe) id: number, @Query() query: DeleteQueryDto): Promise<void> {
    return this.sites.delete(id, query.version);
  }
}

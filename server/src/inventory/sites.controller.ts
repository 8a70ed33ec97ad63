import { EntityManager } from '@mikro-orm/core';
import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, Site as SiteShape } from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { Allow } from '../auth/access.decorator.js';
import { notFound } from '../common/domain-error.js';
import { containsPattern, keysetPage } from '../common/keyset-page.js';
import { InventoryListQueryDto, SiteDto, SitePageDto } from './inventory.dto.js';
import { toSiteDto } from './inventory.mappers.js';
import { Site } from './site.entity.js';

@ApiTags('inventory')
@Allow('inventory.read')
@Controller('sites')
export class SitesController {
  constructor(private readonly em: EntityManager) {}

  @Get()
  @ZodResponse({ type: SitePageDto })
  list(@Query() query: InventoryListQueryDto): Promise<Page<SiteShape>> {
    const where = query.search
      ? {
          $or: [
            { code: { $like: containsPattern(query.search) } },
            { name: { $like: containsPattern(query.search) } },
          ],
        }
      : {};
    return keysetPage(this.em.fork(), Site, where, query, toSiteDto);
  }

  @Get(':id')
  @ZodResponse({ type: SiteDto })
  async get(@Param('id', ParseIntPipe) id: number): Promise<SiteShape> {
    const site = await this.em.fork().findOne(Site, { id });
    if (!site) throw notFound('Site');
    return toSiteDto(site);
  }
}

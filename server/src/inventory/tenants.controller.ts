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
import type { Page, Tenant as TenantShape } from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { TenantsService } from './tenants.service.js';
import { Allow } from '../auth/access.decorator.js';
import { Idempotent } from '../common/idempotency/idempotent.decorator.js';
import { notFound } from '../common/domain-error.js';
import { containsPattern, keysetPage, sortOrderOf } from '../common/keyset-page.js';
import {
  CreateTenantDto,
  DeleteQueryDto,
  TenantDto,
  TenantListQueryDto,
  TenantPageDto,
  UpdateTenantDto,
} from './inventory.dto.js';
import { toTenantDto } from './inventory.mappers.js';
import { Tenant } from './tenant.entity.js';

@ApiTags('inventory')
@Allow('inventory.read')
@Controller('tenants')
export class TenantsController {
  constructor(
    private readonly em: EntityManager,
    private readonly tenants: TenantsService,
  ) {}

  @Get()
  @ZodResponse({ type: TenantPageDto })
  list(@Query() query: TenantListQueryDto): Promise<Page<TenantShape>> {
    const where = query.search
      ? {
          $or: [
            { code: { $like: containsPattern(query.search) } },
            { name: { $like: containsPattern(query.search) } },
          ],
        }
      : {};
    return keysetPage(this.em.fork(), Tenant, where, query, toTenantDto, [], sortOrderOf(query.sort));
  }

  /** Tenant scoping happens in the data layer: another tenant's id is simply not found. */
  @Get(':id')
  @ZodResponse({ type: TenantDto })
  async get(@Param('id', ParseIntPipe) id: number): Promise<TenantShape> {
    const tenant = await this.em.fork().findOne(Tenant, { id });
    if (!tenant) throw notFound('Tenant');
    return toTenantDto(tenant);
  }

  @Post()
  @Allow('inventory.write')
  @Idempotent()
  @ZodResponse({ status: 201, type: TenantDto })
  create(@Body() body: CreateTenantDto): Promise<TenantShape> {
    return this.tenants.create(body);
  }

  @Patch(':id')
  @Allow('inventory.write')
  @ZodResponse({ type: TenantDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() body: UpdateTenantDto): Promise<TenantShape> {
    return this.tenants.update(id, body);
  }

  /** 409 with the current state while other records still refer to it. */
  @Delete(':id')
  @Allow('inventory.write')
  @HttpCode(204)
  remove(@Param('id', ParseIntPipe) id: number, @Query() query: DeleteQueryDto): Promise<void> {
    return this.tenants.delete(id, query.version);
  }
}

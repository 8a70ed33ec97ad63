import { EntityManager } from '@mikro-orm/core';
import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Contract as ContractShape, Page } from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { Allow } from '../auth/access.decorator.js';
import { notFound } from '../common/domain-error.js';
import { keysetPage } from '../common/keyset-page.js';
import { ContractDto, ContractListQueryDto, ContractPageDto } from './inventory.dto.js';
import { contractFilter } from './inventory-filters.js';
import { toContractDto } from './inventory.mappers.js';
import { Contract } from './contract.entity.js';

@ApiTags('contracts')
@Allow('contract.read')
@Controller('contracts')
export class ContractsController {
  constructor(private readonly em: EntityManager) {}

  @Get()
  @ZodResponse({ type: ContractPageDto })
  list(@Query() query: ContractListQueryDto): Promise<Page<ContractShape>> {
    return keysetPage(this.em.fork(), Contract, contractFilter(query), query, toContractDto);
  }

  /** Tenant scoping happens in the data layer: another tenant's contract is simply not contract. */
  @Get(':id')
  @ZodResponse({ type: ContractDto })
  async get(@Param('id', ParseIntPipe) id: number): Promise<ContractShape> {
    const contract = await this.em.fork().findOne(Contract, { id });
    if (!contract) throw notFound('Contract');
    return toContractDto(contract);
  }
}

import { EntityManager } from '@mikro-orm/core';
import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Contract as ContractShape, Page } from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { Allow } from '../auth/access.decorator.js';
import { notFound } from '../common/domain-error.js';
import { keysetPage } from '../common/keyset-page.js';
import { ContractsService } from './contracts.service.js';
import {
  ContractDto,
  ContractListQueryDto,
  ContractPageDto,
  CreateContractDto,
  UpdateContractDto,
} from './inventory.dto.js';
import { contractFilter } from './inventory-filters.js';
import { toContractDto } from './inventory.mappers.js';
import { Contract } from './contract.entity.js';

@ApiTags('contracts')
@Allow('contract.read')
@Controller('contracts')
export class ContractsController {
  constructor(
    private readonly em: EntityManager,
    private readonly contracts: ContractsService,
  ) {}

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

  @Post()
  @Allow('contract.write')
  @ZodResponse({ status: 201, type: ContractDto })
  create(@Body() body: CreateContractDto): Promise<ContractShape> {
    return this.contracts.create(body);
  }

  @Patch(':id')
  @Allow('contract.write')
  @ZodResponse({ type: ContractDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() body: UpdateContractDto): Promise<ContractShape> {
    return this.contracts.update(id, body);
  }
}

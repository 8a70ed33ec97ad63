import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  ProcedureDetail,
  ProcedureLibraryStatus,
  ProcedureList,
  ProcedureProblemList,
} from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { Allow } from '../auth/access.decorator.js';
import { notFound } from '../common/domain-error.js';
import { LibraryReloadService } from './library-reload.service.js';
import { ProcedureLibrary } from './procedure-library.js';
import {
  ProcedureDetailDto,
  ProcedureLibraryStatusDto,
  ProcedureListDto,
  ProcedureListQueryDto,
  ProcedureProblemListDto,
} from './procedures.dto.js';

@ApiTags('procedures')
@Controller('procedures')
export class ProceduresController {
  constructor(
    @Inject(ProcedureLibrary) private readonly library: ProcedureLibrary,
    private readonly reloader: LibraryReloadService,
  ) {}

  @Get()
  @Allow('run.read')
  @ZodResponse({ type: ProcedureListDto })
  list(@Query() query: ProcedureListQueryDto): ProcedureList {
    return { items: this.library.list(query), nextCursor: null };
  }

  // Declared before `:id` so that "problems" is not taken for a procedure id.
  @Get('problems')
  @Allow('user.manage')
  @ZodResponse({ type: ProcedureProblemListDto })
  problems(): ProcedureProblemList {
    return { items: this.library.problems() };
  }

  @Post('reload')
  @Allow('user.manage')
  @HttpCode(200)
  @ZodResponse({ type: ProcedureLibraryStatusDto })
  reload(): Promise<ProcedureLibraryStatus> {
    return this.reloader.reload();
  }

  @Get(':id')
  @Allow('run.read')
  @ZodResponse({ type: ProcedureDetailDto })
  get(@Param('id') id: string): ProcedureDetail {
    const detail = this.library.get(id);
    if (!detail) throw notFound(`Procedure "${id}"`);
    return detail;
  }
}

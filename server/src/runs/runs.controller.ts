import { createReadStream } from 'node:fs';
import { EntityManager } from '@mikro-orm/core';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  evidenceHashSchema,
  maxEvidenceBytes,
  type Page,
  type RunDetail,
  type RunEvidence as RunEvidenceShape,
  type RunSummary,
  type StepRecordResult,
} from '@vigie/shared';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { Allow } from '../auth/access.decorator.js';
import { CurrentActor } from '../common/current.decorator.js';
import { notFound } from '../common/domain-error.js';
import { Idempotent } from '../common/idempotency/idempotent.decorator.js';
import { keysetPage } from '../common/keyset-page.js';
import type { Actor } from '../common/request-context.js';
import { EvidenceStore } from './evidence-store.js';
import { ProcedureRun } from './procedure-run.entity.js';
import { toRunSummary } from './run.mappers.js';
import { runCsv, runPdf } from './run-export.js';
import { RunEvidence } from './run-evidence.entity.js';
import { runFilter } from './run-filters.js';
import {
  AbortRunDto,
  CompleteRunDto,
  RecordStepDto,
  RunDetailDto,
  RunEvidenceDto,
  RunExportQueryDto,
  RunListQueryDto,
  RunPageDto,
  StartRunDto,
  StepRecordResultDto,
  UpdateRunDto,
  VerifyStepDto,
} from './runs.dto.js';
import { RunsService, type UploadedEvidence } from './runs.service.js';

const inlineSafeTypes = /^(image\/(png|jpeg|gif|webp|heic)|application\/pdf|text\/plain)$/;

/** Procedure runs: internal to the operations staff (client viewers have no `run.read`). */
@ApiTags('runs')
@Controller('runs')
export class RunsController {
  constructor(
    private readonly em: EntityManager,
    private readonly runs: RunsService,
    private readonly evidenceFiles: EvidenceStore,
  ) {}

  /** Newest first. */
  @Get()
  @Allow('run.read')
  @ZodResponse({ type: RunPageDto })
  list(@Query() query: RunListQueryDto, @CurrentActor() actor: Actor): Promise<Page<RunSummary>> {
    return keysetPage(
      this.em.fork(),
      ProcedureRun,
      runFilter(query, actor),
      query,
      toRunSummary,
      ['procedureVersion', 'startedBy', 'assignee', 'endedBy'],
      { field: 'id', direction: 'desc' },
    );
  }

  @Get(':id')
  @Allow('run.read')
  @ZodResponse({ type: RunDetailDto })
  get(@Param('id', ParseIntPipe) id: number): Promise<RunDetail> {
    return this.runs.get(id);
  }

  /** Starts the library's current version of a procedure, optionally for an incident. */
  @Post()
  @Allow('run.tick')
  @Idempotent()
  @ZodResponse({ status: 201, type: RunDetailDto })
  start(@CurrentActor() actor: Actor, @Body() body: StartRunDto): Promise<RunDetail> {
    return this.runs.start(actor, body);
  }

  /** (Re)assigns the run. */
  @Patch(':id')
  @Allow('run.tick')
  @ZodResponse({ type: RunDetailDto })
  assign(@Param('id', ParseIntPipe) id: number, @Body() body: UpdateRunDto): Promise<RunDetail> {
    return this.runs.assign(id, body);
  }

  /** One evidence file in a multipart part named `file`; answers its SHA-256 to cite in a step record. */
  @Post(':id/evidence')
  @Allow('run.tick')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: maxEvidenceBytes, files: 1 } }))
  @ZodResponse({ status: 201, type: RunEvidenceDto })
  addEvidence(
    @Param('id', ParseIntPipe) id: number,
    @CurrentActor() actor: Actor,
    @UploadedFile() file: UploadedEvidence | undefined,
  ): Promise<RunEvidenceShape> {
    return this.runs.addEvidence(actor, id, file);
  }

  @Get(':id/evidence/:sha256')
  @Allow('run.read')
  @ApiProduces('application/octet-stream')
  async evidence(
    @Param('id', ParseIntPipe) id: number,
    @Param('sha256') sha256: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    if (!evidenceHashSchema.safeParse(sha256).success) throw notFound('Evidence file');
    const file = await this.em.fork().findOne(RunEvidence, { run: id, sha256 });
    if (!file) throw notFound('Evidence file');
    // Only types a browser shows safely keep their own; anything else (HTML, SVG, scripts) is plain bytes.
    response.setHeader(
      'content-type',
      inlineSafeTypes.test(file.contentType) ? file.contentType : 'application/octet-stream',
    );
    response.setHeader(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    );
    return new StreamableFile(createReadStream(this.evidenceFiles.pathOf(sha256)), { length: file.size });
  }

  /** Signs a step (or corrects its current record). Send an `Idempotency-Key`. */
  @Post(':id/steps/:stepId')
  @Allow('run.tick')
  @Idempotent()
  @ZodResponse({ status: 201, type: StepRecordResultDto })
  record(
    @Param('id', ParseIntPipe) id: number,
    @Param('stepId') stepId: string,
    @CurrentActor() actor: Actor,
    @Body() body: RecordStepDto,
  ): Promise<StepRecordResult> {
    return this.runs.record(actor, id, stepId, body);
  }

  /** Verifies a critical step's current record: another person than its performer (422 otherwise). */
  @Post(':id/steps/:stepId/verification')
  @Allow('step.verify')
  @Idempotent()
  @ZodResponse({ status: 201, type: StepRecordResultDto })
  verify(
    @Param('id', ParseIntPipe) id: number,
    @Param('stepId') stepId: string,
    @CurrentActor() actor: Actor,
    @Body() body: VerifyStepDto,
  ): Promise<StepRecordResult> {
    return this.runs.verify(actor, id, stepId, body);
  }

  @Post(':id/abort')
  @Allow('run.tick')
  @Idempotent()
  @HttpCode(200)
  @ZodResponse({ type: RunDetailDto })
  abort(
    @Param('id', ParseIntPipe) id: number,
    @CurrentActor() actor: Actor,
    @Body() body: AbortRunDto,
  ): Promise<RunDetail> {
    return this.runs.abort(actor, id, body);
  }

  /** 422 with every unsigned step in `fields` until all required steps are signed and verified. */
  @Post(':id/complete')
  @Allow('run.tick')
  @Idempotent()
  @HttpCode(200)
  @ZodResponse({ type: RunDetailDto })
  complete(
    @Param('id', ParseIntPipe) id: number,
    @CurrentActor() actor: Actor,
    @Body() body: CompleteRunDto,
  ): Promise<RunDetail> {
    return this.runs.complete(actor, id, body);
  }

  /** The run's full record as proof: CSV (every record, formula-safe) or PDF. */
  @Get(':id/export')
  @Allow('run.read')
  @ApiProduces('text/csv', 'application/pdf')
  async export(
    @Param('id', ParseIntPipe) id: number,
    @Query() query: RunExportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const run = await this.runs.get(id);
    const name = `run-${run.id}-${run.procedure.id}`;
    if (query.format === 'pdf') {
      response.setHeader('content-type', 'application/pdf');
      response.setHeader('content-disposition', `attachment; filename="${name}.pdf"`);
      return new StreamableFile(await runPdf(run, query.lang));
    }
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="${name}.csv"`);
    return new StreamableFile(Buffer.from(runCsv(run), 'utf8'));
  }
}

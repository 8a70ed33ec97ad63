import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Page, ReportItem, SteeringReport } from '@vigie/shared';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { Allow } from '../auth/access.decorator.js';
import { CurrentActor } from '../common/current.decorator.js';
import { DomainError } from '../common/domain-error.js';
import type { Actor } from '../common/request-context.js';
import { steeringCsv } from './export/steering-csv.js';
import { steeringPdf } from './export/steering-pdf.js';
import { ReportRunner } from './report-runner.js';
import { ReportScopes } from './report-scopes.js';
import {
  ReportItemPageDto,
  ReportItemsQueryDto,
  SteeringReportDto,
  SteeringReportQueryDto,
} from './reports.dto.js';

/** `steering-<tenant code or overview>-<from>-<to>`: what the file is, in its name. */
function fileNameOf(report: SteeringReport): string {
  const who = report.scope.kind === 'tenant' ? report.scope.tenant.code : 'overview';
  return `steering-${who.replace(/[^A-Za-z0-9_-]/g, '_')}-${report.period.from}-${report.period.to}`;
}

/** Steering-committee reports: a tenant's (client viewers: their own only) or the overview. */
@ApiTags('reports')
@Allow('report.read')
@Controller('reports/steering')
export class ReportsController {
  constructor(
    private readonly scopes: ReportScopes,
    private readonly runner: ReportRunner,
  ) {}

  /** Every figure for the period and the previous one; `format=pdf` the pack, `format=csv&table=…` one table. */
  @Get()
  @ApiProduces('application/json', 'application/pdf', 'text/csv')
  @ApiOkResponse({ type: SteeringReportDto })
  async steering(
    @Query() query: SteeringReportQueryDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SteeringReport | StreamableFile> {
    const table = query.table;
    if (query.format === 'csv' && !table)
      throw new DomainError('validation_failed', 'The request is invalid', {
        fields: [{ path: 'table', message: 'a CSV export names the table to export', code: 'required' }],
      });
    const resolved = this.scopes.resolve(actor, query);
    const report = await this.runner.report({ ...resolved, now: Date.now() });
    if (query.format === 'json') return report;
    const name = fileNameOf(report);
    if (query.format === 'pdf') {
      response.setHeader('content-type', 'application/pdf');
      response.setHeader('content-disposition', `attachment; filename="${name}.pdf"`);
      return new StreamableFile(await steeringPdf(report, query.lang));
    }
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="${name}-${table}.csv"`);
    return new StreamableFile(Buffer.from(steeringCsv(report, table!, query.lang), 'utf8'));
  }

  /** Drill-down: the incidents, runs, occurrences or step records behind one figure. */
  @Get('items')
  @ZodResponse({ type: ReportItemPageDto })
  items(@Query() query: ReportItemsQueryDto, @CurrentActor() actor: Actor): Promise<Page<ReportItem>> {
    const { scope, period } = this.scopes.resolve(actor, query);
    return this.runner.items(scope, period, query);
  }
}

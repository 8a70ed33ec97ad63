import { Module } from '@nestjs/common';
import { ReportRunner } from './report-runner.js';
import { ReportScopes } from './report-scopes.js';
import { ReportsController } from './reports.controller.js';

/** Steering-committee reports and the site-wide overview (DESIGN.md §7). */
@Module({
  controllers: [ReportsController],
  providers: [ReportRunner, ReportScopes],
})
export class ReportsModule {}

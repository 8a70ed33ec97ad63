import {
  pageSchema,
  reportItemSchema,
  reportItemsQuerySchema,
  steeringReportQuerySchema,
  steeringReportSchema,
} from '@vigie/shared';
import { createZodDto } from 'nestjs-zod';

export class SteeringReportQueryDto extends createZodDto(steeringReportQuerySchema) {}
export class SteeringReportDto extends createZodDto(steeringReportSchema) {}
export class ReportItemsQueryDto extends createZodDto(reportItemsQuerySchema) {}
export class ReportItemPageDto extends createZodDto(pageSchema(reportItemSchema)) {}

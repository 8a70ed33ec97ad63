import {
  abortRunSchema,
  completeRunSchema,
  pageSchema,
  runDetailSchema,
  runEvidenceSchema,
  runExportQuerySchema,
  runListQuerySchema,
  runSummarySchema,
  recordStepSchema,
  startRunSchema,
  stepRecordResultSchema,
  suggestedProcedureListSchema,
  updateRunSchema,
  verifyStepSchema,
} from '@vigie/shared';
import { createZodDto } from 'nestjs-zod';

export class RunListQueryDto extends createZodDto(runListQuerySchema) {}
export class RunPageDto extends createZodDto(pageSchema(runSummarySchema)) {}
export class RunDetailDto extends createZodDto(runDetailSchema) {}
export class StartRunDto extends createZodDto(startRunSchema) {}
export class UpdateRunDto extends createZodDto(updateRunSchema) {}
export class AbortRunDto extends createZodDto(abortRunSchema) {}
export class CompleteRunDto extends createZodDto(completeRunSchema) {}
export class RecordStepDto extends createZodDto(recordStepSchema) {}
export class VerifyStepDto extends createZodDto(verifyStepSchema) {}
export class StepRecordResultDto extends createZodDto(stepRecordResultSchema) {}
export class RunEvidenceDto extends createZodDto(runEvidenceSchema) {}
export class RunExportQueryDto extends createZodDto(runExportQuerySchema) {}
export class SuggestedProceduresDto extends createZodDto(suggestedProcedureListSchema) {}

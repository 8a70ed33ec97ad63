import {
  procedureDetailSchema,
  procedureLibraryStatusSchema,
  procedureListQuerySchema,
  procedureListSchema,
  procedureProblemListSchema,
} from '@vigie/shared';
import { createZodDto } from 'nestjs-zod';

export class ProcedureListQueryDto extends createZodDto(procedureListQuerySchema) {}
export class ProcedureListDto extends createZodDto(procedureListSchema) {}
export class ProcedureDetailDto extends createZodDto(procedureDetailSchema) {}
export class ProcedureProblemListDto extends createZodDto(procedureProblemListSchema) {}
export class ProcedureLibraryStatusDto extends createZodDto(procedureLibraryStatusSchema) {}

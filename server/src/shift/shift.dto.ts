import {
  createShiftLogEntrySchema,
  handoverDraftQuerySchema,
  handoverListQuerySchema,
  handoverSchema,
  pageSchema,
  shiftLogEntrySchema,
  shiftLogQuerySchema,
  submitHandoverSchema,
} from '@vigie/shared';
import { createZodDto } from 'nestjs-zod';

export class ShiftLogQueryDto extends createZodDto(shiftLogQuerySchema) {}
export class ShiftLogPageDto extends createZodDto(pageSchema(shiftLogEntrySchema)) {}
export class ShiftLogEntryDto extends createZodDto(shiftLogEntrySchema) {}
export class CreateShiftLogEntryDto extends createZodDto(createShiftLogEntrySchema) {}

export class HandoverDto extends createZodDto(handoverSchema) {}
export class HandoverPageDto extends createZodDto(pageSchema(handoverSchema)) {}
export class HandoverDraftQueryDto extends createZodDto(handoverDraftQuerySchema) {}
export class HandoverListQueryDto extends createZodDto(handoverListQuerySchema) {}
export class SubmitHandoverDto extends createZodDto(submitHandoverSchema) {}

import {
  createIncidentNoteSchema,
  createIncidentSchema,
  incidentListQuerySchema,
  incidentSchema,
  incidentTransitionSchema,
  pageSchema,
  timelineEntrySchema,
  timelineQuerySchema,
  updateIncidentSchema,
  userRefSchema,
} from '@vigie/shared';
import { createZodDto } from 'nestjs-zod';

export class IncidentListQueryDto extends createZodDto(incidentListQuerySchema) {}
export class IncidentPageDto extends createZodDto(pageSchema(incidentSchema)) {}
export class IncidentDto extends createZodDto(incidentSchema) {}
export class CreateIncidentDto extends createZodDto(createIncidentSchema) {}
export class UpdateIncidentDto extends createZodDto(updateIncidentSchema) {}
/** Unions cannot be class bases: these DTOs are values, named so the OpenAPI document names their schemas. */
function named<T extends object>(dto: T, name: string): T {
  return Object.defineProperty(dto, 'name', { value: name });
}

/** Used with an explicit pipe and `@ApiBody` (a union type gives no design-time metadata). */
export const IncidentTransitionDto = named(createZodDto(incidentTransitionSchema), 'IncidentTransitionDto');
export class CreateIncidentNoteDto extends createZodDto(createIncidentNoteSchema) {}
export const TimelineEntryDto = named(createZodDto(timelineEntrySchema), 'TimelineEntryDto');
export class TimelineQueryDto extends createZodDto(timelineQuerySchema) {}
export class TimelinePageDto extends createZodDto(pageSchema(timelineEntrySchema)) {}
export class AssigneePageDto extends createZodDto(pageSchema(userRefSchema)) {}

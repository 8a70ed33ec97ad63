import {
  cancelOccurrenceSchema,
  createTaskSchema,
  occurrenceListQuerySchema,
  occurrenceSchema,
  pageSchema,
  recurringTaskSchema,
  startOccurrenceSchema,
  taskListQuerySchema,
  taskPreviewRequestSchema,
  taskPreviewSchema,
  updateTaskSchema,
} from '@vigie/shared';
import { createZodDto } from 'nestjs-zod';

export class TaskDto extends createZodDto(recurringTaskSchema) {}
export class TaskPageDto extends createZodDto(pageSchema(recurringTaskSchema)) {}
export class TaskListQueryDto extends createZodDto(taskListQuerySchema) {}
export class CreateTaskDto extends createZodDto(createTaskSchema) {}
export class UpdateTaskDto extends createZodDto(updateTaskSchema) {}
export class TaskPreviewRequestDto extends createZodDto(taskPreviewRequestSchema) {}
export class TaskPreviewDto extends createZodDto(taskPreviewSchema) {}
export class OccurrenceDto extends createZodDto(occurrenceSchema) {}
export class OccurrencePageDto extends createZodDto(pageSchema(occurrenceSchema)) {}
export class OccurrenceListQueryDto extends createZodDto(occurrenceListQuerySchema) {}
export class StartOccurrenceDto extends createZodDto(startOccurrenceSchema) {}
export class CancelOccurrenceDto extends createZodDto(cancelOccurrenceSchema) {}

import {
  addDefaultHolidaysSchema,
  createHolidaySchema,
  holidayListQuerySchema,
  holidaySchema,
  pageSchema,
} from '@vigie/shared';
import { createZodDto } from 'nestjs-zod';

export class HolidayListQueryDto extends createZodDto(holidayListQuerySchema) {}
export class HolidayPageDto extends createZodDto(pageSchema(holidaySchema)) {}
export class HolidayDto extends createZodDto(holidaySchema) {}
export class CreateHolidayDto extends createZodDto(createHolidaySchema) {}
export class AddDefaultHolidaysDto extends createZodDto(addDefaultHolidaysSchema) {}

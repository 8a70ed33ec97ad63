import { loginSchema, meSchema, updateMeSchema } from '@vigie/shared';
import { createZodDto } from 'nestjs-zod';

export class LoginDto extends createZodDto(loginSchema) {}
export class UpdateMeDto extends createZodDto(updateMeSchema) {}
export class MeDto extends createZodDto(meSchema) {}

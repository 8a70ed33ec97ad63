import { createUserSchema, pageQuerySchema, pageSchema, updateUserSchema, userSchema } from '@vigie/shared';
import { createZodDto } from 'nestjs-zod';

export class CreateUserDto extends createZodDto(createUserSchema) {}
export class UpdateUserDto extends createZodDto(updateUserSchema) {}
export class UserDto extends createZodDto(userSchema) {}
export class UserPageDto extends createZodDto(pageSchema(userSchema)) {}
export class UserListQueryDto extends createZodDto(pageQuerySchema) {}

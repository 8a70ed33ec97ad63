import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, User } from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { Allow } from '../auth/access.decorator.js';
import { CreateUserDto, UpdateUserDto, UserDto, UserListQueryDto, UserPageDto } from './users.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Allow('user.manage')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ZodResponse({ type: UserPageDto })
  list(@Query() query: UserListQueryDto): Promise<Page<User>> {
    return this.users.list(query);
  }

  @Get(':id')
  @ZodResponse({ type: UserDto })
  get(@Param('id', ParseIntPipe) id: number): Promise<User> {
    return this.users.get(id);
  }

  @Post()
  @ZodResponse({ status: 201, type: UserDto })
  create(@Body() body: CreateUserDto): Promise<User> {
    return this.users.create(body);
  }

  @Patch(':id')
  @ZodResponse({ type: UserDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() body: UpdateUserDto): Promise<User> {
    return this.users.update(id, body);
  }
}

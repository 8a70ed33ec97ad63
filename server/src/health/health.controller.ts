import { EntityManager } from '@mikro-orm/core';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { healthSchema, type Health } from '@vigie/shared';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Public } from '../auth/access.decorator.js';
import { appVersion } from '../config/app-version.js';

class HealthDto extends createZodDto(healthSchema) {}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly em: EntityManager) {}

  @Public()
  @Get()
  @ZodResponse({ type: HealthDto })
  async health(@Res({ passthrough: true }) response: Response): Promise<Health> {
    const database = await this.em
      .fork()
      .getConnection()
      .execute('select 1 as ok')
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    if (database === 'down') response.status(503);
    return { status: database === 'up' ? 'ok' : 'degraded', version: appVersion, database };
  }
}

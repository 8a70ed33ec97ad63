import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { auditVerificationSchema, type AuditVerification } from '@vigie/shared';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Allow } from '../auth/access.decorator.js';
import { AuditVerifier } from './audit-verifier.js';

class AuditVerificationDto extends createZodDto(auditVerificationSchema) {}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly verifier: AuditVerifier) {}

  @Allow('audit.verify')
  @Get('verify')
  @ZodResponse({ type: AuditVerificationDto })
  verify(): Promise<AuditVerification> {
    return this.verifier.verify();
  }
}

import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Me } from '@vigie/shared';
import type { Request, Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import type { AppConfig } from '../config/app-config.js';
import { InjectConfig } from '../config/config.module.js';
import { CurrentSessionId } from '../common/current.decorator.js';
import { Public, SignedIn } from './access.decorator.js';
import { LoginDto, MeDto, UpdateMeDto } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import { clearedSessionCookie, readSessionToken, sessionCookie } from './session-cookie.js';
import { SessionService } from './session.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ZodResponse({ type: MeDto })
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Me> {
    const previous = readSessionToken(request.headers.cookie);
    const { me, token } = await this.auth.login(
      body,
      request.ip ?? 'unknown',
      request.header('user-agent') ?? '',
      previous ? this.sessions.idOf(previous) : undefined,
    );
    response.setHeader(
      'Set-Cookie',
      sessionCookie(token, this.sessions.maxAgeSeconds, this.config.cookieSecure),
    );
    return me;
  }

  @SignedIn()
  @Post('logout')
  @HttpCode(204)
  async logout(
    @CurrentSessionId() sessionId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.logout(sessionId);
    response.setHeader('Set-Cookie', clearedSessionCookie(this.config.cookieSecure));
  }

  @SignedIn()
  @Get('me')
  @ZodResponse({ type: MeDto })
  me(@CurrentSessionId() sessionId: string): Promise<Me> {
    return this.auth.me(sessionId);
  }

  @SignedIn()
  @Patch('me')
  @ZodResponse({ type: MeDto })
  updateMe(@CurrentSessionId() sessionId: string, @Body() body: UpdateMeDto): Promise<Me> {
    return this.auth.updateMe(sessionId, body);
  }
}

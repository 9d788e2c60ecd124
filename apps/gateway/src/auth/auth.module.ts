import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeysService } from './api-keys.service';
import { AuthGuard } from './auth.guard';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimitShare } from './rate-limit-share';
import { RoleGuard } from './role.guard';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';

// API keys, the console's sessions, and the guards every request passes.
@Module({
  providers: [
    ApiKeyRepository,
    ApiKeysService,
    SessionRepository,
    SessionService,
    RateLimitShare,
    // Guards run in this order: who is calling, how often, and may they (then BodyModule's guard reads the body).
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: RoleGuard },
  ],
  exports: [ApiKeysService, SessionService],
})
export class AuthModule {}

import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeysService } from './api-keys.service';
import { AuthGuard } from './auth.guard';
import { RateLimitGuard } from './rate-limit.guard';
import { RoleGuard } from './role.guard';

// API keys and the guards every request passes.
@Module({
  providers: [
    ApiKeyRepository,
    ApiKeysService,
    // Guards run in this order: who is calling, how often, and may they.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: RoleGuard },
  ],
  exports: [ApiKeysService],
})
export class AuthModule {}

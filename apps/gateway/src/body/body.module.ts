import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { BodyGuard } from './body.guard';

// The request body, read by the last global guard. Imported right after AuthModule: global guards run in the order
// their modules are imported, so authentication, rate limit and role come first.
@Module({ providers: [{ provide: APP_GUARD, useClass: BodyGuard }] })
export class BodyModule {}

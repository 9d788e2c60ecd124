import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { SessionController } from './session.controller';

// Sign-in, the current session and sign-out of the web console (the session itself lives in auth).
@Module({ imports: [AuthModule], controllers: [SessionController] })
export class SessionModule {}

import { Module } from '@nestjs/common';
import { UpstreamModule } from '../../upstream/upstream.module';
import { SecretsRotationService } from './secrets-rotation.service';
import { SecretsController } from './secrets.resource';

@Module({ imports: [UpstreamModule], providers: [SecretsRotationService], controllers: [SecretsController] })
export class SecretsModule {}

import { Module } from '@nestjs/common';
import { UpstreamModule } from '../../upstream/upstream.module';
import { PsaController } from './psa.resource';

@Module({ imports: [UpstreamModule], controllers: [PsaController] })
export class PsaModule {}

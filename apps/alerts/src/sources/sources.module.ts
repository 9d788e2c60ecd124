import { Module } from '@nestjs/common';
import { SourceRepository } from './source.repository';
import { SourceStore } from './source-store';

// The derived state of what the rules watch (sync status, auth logs, PSA runs, rows, usage, services).
@Module({ providers: [SourceRepository, SourceStore], exports: [SourceStore] })
export class SourcesModule {}

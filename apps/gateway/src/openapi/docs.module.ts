import { Module } from '@nestjs/common';
import { RoutingModule } from '../routing/routing.module';
import { DocsController } from './docs.controller';

// The OpenAPI document of the routes the app serves, and the Swagger UI page that reads it.
@Module({ imports: [RoutingModule], controllers: [DocsController] })
export class DocsModule {}

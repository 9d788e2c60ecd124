import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { ResponseInterceptor } from './response.interceptor';
import { RouteCatalog } from './route-catalog';

// How routes answer (every response shaped by its route's schema) and which routes there are.
@Module({
  imports: [DiscoveryModule],
  providers: [RouteCatalog, { provide: APP_INTERCEPTOR, useClass: ResponseInterceptor }],
  exports: [RouteCatalog],
})
export class RoutingModule {}

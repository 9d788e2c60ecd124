import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { discoveryRpcs } from '@seatwise/shared/contracts/discovery-rpcs';
import type { RpcResponse } from '@seatwise/shared/contracts/rpcs';
import { parseOrThrow } from '@seatwise/shared/validation/parse';
import { UsersQuery } from '../query/users.query';

const rpc = discoveryRpcs;

@Controller()
export class UsersMessageController {
  constructor(private readonly query: UsersQuery) {}

  @MessagePattern('discovery.users.list')
  list(@Payload() payload: unknown): Promise<RpcResponse<'discovery.users.list'>> {
    return this.query.list(parseOrThrow(rpc['discovery.users.list'].request, payload, 'request'));
  }

  @MessagePattern('discovery.users.get')
  get(@Payload() payload: unknown): Promise<RpcResponse<'discovery.users.get'>> {
    return this.query.get(parseOrThrow(rpc['discovery.users.get'].request, payload, 'request').id);
  }

  @MessagePattern('discovery.users.services')
  services(@Payload() payload: unknown): Promise<RpcResponse<'discovery.users.services'>> {
    return this.query.servicesOf(parseOrThrow(rpc['discovery.users.services'].request, payload, 'request'));
  }
}

import { Controller } from '@nestjs/common';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { RulesService } from '../rules/rules.service';

@Controller()
export class RulesMessageController {
  constructor(private readonly rules: RulesService) {}

  @Rpc('alerts.rules.list')
  list(request: RpcInput<'alerts.rules.list'>) {
    return this.rules.list(request);
  }

  @Rpc('alerts.rules.get')
  get(request: RpcInput<'alerts.rules.get'>) {
    return this.rules.get(request.id);
  }

  @Rpc('alerts.rules.create')
  create(request: RpcInput<'alerts.rules.create'>) {
    return this.rules.create(request);
  }

  @Rpc('alerts.rules.update')
  update(request: RpcInput<'alerts.rules.update'>) {
    return this.rules.update(request);
  }

  @Rpc('alerts.rules.delete')
  delete(request: RpcInput<'alerts.rules.delete'>) {
    return this.rules.delete(request.id, request.actor);
  }
}

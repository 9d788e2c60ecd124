import { Controller } from '@nestjs/common';
import { StoredSecrets } from '@seatwise/platform/crypto/stored-secrets';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { ChannelsService } from './channels.service';

@Controller()
export class ChannelsMessageController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly secrets: StoredSecrets,
  ) {}

  // The webhook channels' secrets: the only ones alerts stores.
  @Rpc('alerts.secrets.rotate')
  rotateSecrets(request: RpcInput<'alerts.secrets.rotate'>) {
    return this.secrets.rotate(request.actor);
  }

  @Rpc('alerts.channels.create')
  create(request: RpcInput<'alerts.channels.create'>) {
    return this.channels.create(request);
  }

  @Rpc('alerts.channels.update')
  update(request: RpcInput<'alerts.channels.update'>) {
    return this.channels.update(request);
  }

  @Rpc('alerts.channels.get')
  get(request: RpcInput<'alerts.channels.get'>) {
    return this.channels.get(request.id);
  }

  @Rpc('alerts.channels.list')
  list(request: RpcInput<'alerts.channels.list'>) {
    return this.channels.list(request);
  }

  @Rpc('alerts.channels.delete')
  delete(request: RpcInput<'alerts.channels.delete'>) {
    return this.channels.delete(request.id);
  }

  @Rpc('alerts.channels.test')
  test(request: RpcInput<'alerts.channels.test'>) {
    return this.channels.test(request);
  }
}

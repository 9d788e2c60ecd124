import { Controller } from '@nestjs/common';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { CurationService } from './curation.service';

@Controller()
export class CurationMessageController {
  constructor(private readonly curation: CurationService) {}

  @Rpc('discovery.services.match')
  match(request: RpcInput<'discovery.services.match'>) {
    return this.curation.match(request);
  }

  @Rpc('discovery.services.merge')
  merge(request: RpcInput<'discovery.services.merge'>) {
    return this.curation.merge(request);
  }

  @Rpc('discovery.services.ignore')
  ignore(request: RpcInput<'discovery.services.ignore'>) {
    return this.curation.ignore(request);
  }

  @Rpc('discovery.services.unmatch')
  unmatch(request: RpcInput<'discovery.services.unmatch'>) {
    return this.curation.unmatch(request);
  }

  @Rpc('discovery.services.unignore')
  unignore(request: RpcInput<'discovery.services.unignore'>) {
    return this.curation.unignore(request);
  }
}

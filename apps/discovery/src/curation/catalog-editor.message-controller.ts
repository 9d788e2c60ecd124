import { Controller } from '@nestjs/common';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { CatalogEditorService } from './catalog-editor.service';

@Controller()
export class CatalogEditorMessageController {
  constructor(private readonly editor: CatalogEditorService) {}

  @Rpc('discovery.catalog.create')
  create(request: RpcInput<'discovery.catalog.create'>) {
    return this.editor.create(request);
  }

  @Rpc('discovery.catalog.update')
  update(request: RpcInput<'discovery.catalog.update'>) {
    return this.editor.update(request);
  }
}

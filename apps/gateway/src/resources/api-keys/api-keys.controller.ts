import { Controller } from '@nestjs/common';
import type { ApiKeyView } from '@seatwise/shared/contracts/gateway-api';
import { ApiKeysService } from '../../auth/api-keys.service';
import { decodeCursor, encodeCursor } from '../../lists/cursor';
import { Pager } from '../../lists/pager';
import type { InputOf } from '../../routing/route-definition';
import { ApiRoute } from '../../routing/route.decorator';
import { Input } from '../../routing/route-input';
import { apiKeyRoutes as routes } from './api-keys.routes';

@Controller()
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @ApiRoute(routes.list)
  list(@Input() { query }: InputOf<typeof routes.list>): Pager<ApiKeyView> {
    return new Pager(async (cursor, limit) => {
      const items = await this.keys.page(limit + 1, cursor === undefined ? null : positionOf(cursor));
      const page = items.slice(0, limit);
      const last = page.at(-1);
      return { items: page, nextCursor: items.length > limit && last ? encodeCursor(`${last.createdAt}|${last.id}`) : null };
    }, query);
  }

  @ApiRoute(routes.create)
  create(@Input() { body }: InputOf<typeof routes.create>) {
    return this.keys.create(body);
  }

  @ApiRoute(routes.get)
  get(@Input() { params }: InputOf<typeof routes.get>) {
    return this.keys.get(params.id);
  }

  @ApiRoute(routes.revoke)
  revoke(@Input() { params }: InputOf<typeof routes.revoke>) {
    return this.keys.revoke(params.id);
  }
}

function positionOf(cursor: string): { createdAt: Date; id: string } {
  const key = decodeCursor(cursor);
  const [at = '', id = ''] = key.split('|');
  const createdAt = new Date(at);
  return { createdAt: Number.isNaN(createdAt.getTime()) ? new Date(0) : createdAt, id };
}

import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { KeyedSerializer } from '@seatwise/platform/db/keyed-serializer';
import type { RpcInput, RpcResponse } from '@seatwise/shared/contracts/rpcs';
import { AppError, ErrorCodes } from '@seatwise/shared/errors/app-error';
import { CatalogLoader } from '../catalog/catalog-loader';
import { type CustomProductDoc, CustomCatalogRepository, toProduct } from '../catalog/custom-catalog.repository';
import { SaasCatalog } from '../catalog/saas-catalog';
import { Rematcher } from './rematcher';

type CatalogChange = RpcResponse<'discovery.catalog.create'>;

// Custom catalog products, created and edited through the API: each change is a new catalog version,
// and the services the new version would match differently are re-matched. Built-in products are read-only.
@Injectable()
export class CatalogEditorService {
  // One change at a time: the conflict checks read the catalog the change is made against.
  private readonly serial = new KeyedSerializer();

  constructor(
    private readonly catalog: SaasCatalog,
    private readonly custom: CustomCatalogRepository,
    private readonly loader: CatalogLoader,
    private readonly rematcher: Rematcher,
    private readonly clock: Clock,
  ) {}

  create(request: RpcInput<'discovery.catalog.create'>): Promise<CatalogChange> {
    return this.serial.run('catalog', async () => {
      const id = request.id ?? slugOf(request.name);
      if (this.catalog.get(id)) throw conflict(`A catalog product ${id} exists`, 'id');
      this.checkNames([request.name, ...request.aliases]);
      const now = this.clock.now();
      const doc: CustomProductDoc = {
        _id: id,
        ...entryFields(request),
        actor: request.actor,
        note: request.note ?? null,
        createdAt: now,
        updatedAt: now,
      };
      if (!(await this.custom.insert(doc))) throw conflict(`A catalog product ${id} exists`, 'id');
      return this.publish(doc);
    });
  }

  update(request: RpcInput<'discovery.catalog.update'>): Promise<CatalogChange> {
    return this.serial.run('catalog', async () => {
      const current = await this.custom.get(request.id);
      if (!current) {
        if (this.catalog.get(request.id)) {
          throw new AppError('DISCOVERY.CATALOG.BUILT_IN', `${request.id} is a built-in product; add a custom one`);
        }
        throw new AppError('DISCOVERY.PRODUCT.NOT_FOUND', `No catalog product ${request.id}`);
      }
      const name = request.name ?? current.name;
      const aliases = request.aliases ?? current.aliases;
      this.checkNames([name, ...aliases], current._id);
      const doc: CustomProductDoc = {
        ...current,
        ...entryFields({
          name,
          aliases,
          category: request.category ?? current.category,
          vendor: request.vendor ?? current.vendor,
          vendorUrl: request.vendorUrl ?? current.vendorUrl ?? undefined,
        }),
        actor: request.actor,
        note: request.note ?? current.note,
        updatedAt: this.clock.now(),
      };
      await this.custom.replace(doc);
      return this.publish(doc);
    });
  }

  // A new revision, the catalog reloaded with it, and the services re-matched against it.
  private async publish(doc: CustomProductDoc): Promise<CatalogChange> {
    await this.custom.nextRevision();
    await this.loader.reload();
    const rematched = await this.rematcher.run();
    return { product: toProduct(doc), version: this.catalog.version, rematched };
  }

  private checkNames(names: readonly string[], exceptId?: string): void {
    const holder = this.catalog.holderOf(names, exceptId);
    if (holder) throw conflict(`${holder.name} (${holder.id}) already has one of these names or aliases`, 'aliases');
    const keys = names.map((n) => n.toLowerCase());
    if (new Set(keys).size !== keys.length) throw conflict('The name and aliases repeat each other', 'aliases');
  }
}

interface EntryInput {
  name: string;
  aliases: readonly string[];
  category: string;
  vendor?: string | undefined;
  vendorUrl?: string | undefined;
}

function entryFields(
  input: EntryInput,
): Pick<CustomProductDoc, 'name' | 'aliases' | 'category' | 'vendor' | 'domain' | 'vendorUrl'> {
  return {
    name: input.name,
    aliases: [...input.aliases],
    category: input.category,
    vendor: input.vendor ?? input.name,
    domain: input.vendorUrl ? new URL(input.vendorUrl).hostname : '',
    vendorUrl: input.vendorUrl ?? null,
  };
}

// "Acme Portal (EU)" → "acme-portal-eu"; a name of symbols only has no id of its own.
export function slugOf(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  if (slug.length === 0) {
    throw new AppError(ErrorCodes.VALIDATION_FAILED, 'The name gives no id: send one', [
      { path: 'id', message: 'required for this name' },
    ]);
  }
  return slug;
}

function conflict(message: string, path: string): AppError {
  return new AppError('DISCOVERY.CATALOG.CONFLICT', message, [{ path, message }]);
}

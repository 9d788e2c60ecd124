import type { WriteMode } from './inventory-writes';
import { loadByIds, saveDocs } from './bulk-docs';
import { ScopedRepository } from './scoped.repository';

// An inventory (services, users, usage): read and written a batch of documents at a time, in the
// configured write mode (see bulk-docs).
export abstract class InventoryRepository<D extends { _id: string; accountId: string }> extends ScopedRepository<D> {
  async load(ids: readonly string[]): Promise<Map<string, D>> {
    const docs = await loadByIds(this.collection, ids);
    for (const [id, doc] of docs) docs.set(id, this.filled(doc));
    return docs;
  }

  save(docs: readonly D[], mode: WriteMode): Promise<void> {
    return saveDocs(this.collection, docs, mode);
  }
}

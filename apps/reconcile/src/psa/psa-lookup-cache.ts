import type { Model } from 'mongoose';
import { Schema } from 'mongoose';
import type { PsaLookup } from './psa-lookup';

export interface PsaVersionDoc {
  _id: string;
  version: number;
}

export const psaVersionSchema = new Schema<PsaVersionDoc>({ _id: String, version: Number }, { versionKey: false });

const KEY = 'psa';

interface Held {
  version: number;
  lookup: PsaLookup;
}

// The in-memory PsaLookup of this process, kept in step with the database by a version document every PSA write
// increments after it lands: each read checks the version by _id (no scan on any server) and loads the data
// again only when another write, in this process or another replica, came since. The version is read before the
// data, so a lookup is at worst as old as the version it is held under, and the next check sees the newer one.
export class PsaLookupCache {
  private held: Held | null = null;
  private loading: { version: number; promise: Promise<PsaLookup> } | null = null;

  constructor(
    private readonly versions: Model<PsaVersionDoc>,
    private readonly load: () => Promise<PsaLookup>,
  ) {}

  async current(): Promise<PsaLookup> {
    const version = await this.readVersion();
    if (this.held?.version === version) return this.held.lookup;
    if (this.loading?.version === version) return this.loading.promise;
    const promise = this.load().then((lookup) => {
      if (this.held === null || this.held.version < version) this.held = { version, lookup };
      return lookup;
    });
    const loading = { version, promise };
    this.loading = loading;
    void promise
      .finally(() => {
        if (this.loading === loading) this.loading = null;
      })
      .catch(() => undefined); // the caller of current() gets the error
    return promise;
  }

  // After a write: every process loads again at its next read.
  async changed(): Promise<void> {
    await this.bump();
  }

  // After a write whose effect is known (a pushed line): the lookup held here is patched instead of loaded again,
  // unless another write came between (the version moved by more than this one).
  async changedBy(patch: (lookup: PsaLookup) => PsaLookup): Promise<void> {
    const before = this.held;
    const version = await this.bump();
    if (before !== null && this.held === before && before.version === version - 1) {
      this.held = { version, lookup: patch(before.lookup) };
    }
  }

  private async readVersion(): Promise<number> {
    return (await this.versions.findById(KEY).lean<PsaVersionDoc>().exec())?.version ?? 0;
  }

  private async bump(): Promise<number> {
    // An upsert returning the document after it: never null.
    const doc = await this.versions
      .findOneAndUpdate({ _id: KEY }, { $inc: { version: 1 } }, { upsert: true, returnDocument: 'after' })
      .lean<PsaVersionDoc>()
      .exec();
    return doc.version;
  }
}

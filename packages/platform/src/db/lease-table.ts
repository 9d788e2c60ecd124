import { Schema } from 'mongoose';
import type { MongoConnection } from './mongo-connection';
import { MongooseRepository } from './mongoose-repository';
import { WriteClaims } from './write-claims';

interface LeaseDoc {
  _id: string;
  // null: released (free to take at once).
  owner: string | null;
  // The fencing token: it grows by one each time the lease changes hands, never otherwise.
  token: number;
  expiresAt: Date;
}

export interface Lease {
  id: string;
  owner: string;
  token: number;
  expiresAt: Date;
}

export interface LeaseState {
  id: string;
  owner: string | null;
  token: number;
  expiresAt: Date;
}

const schema = new Schema<LeaseDoc>(
  { _id: String, owner: { type: String, default: null }, token: Number, expiresAt: Date },
  { versionKey: false },
);

// Named leases with fencing tokens, one document per lease keyed by _id (the one filter FerretDB 1.24 answers
// without a scan). Every write is a compare-and-set on the token and expiry the writer read, under a WriteClaim on
// `<lease>@<token>` because FerretDB 1.24's conditional updates are not atomic: so a renewal and a take-over of the
// same expired lease never both get through, and a holder that lost its lease cannot renew it. Whoever writes
// something the lease protects carries the token, and the store refuses a token lower than one it has seen.
export class LeaseTable extends MongooseRepository<LeaseDoc> {
  private readonly claims: WriteClaims;

  // `termMs`: the shortest lease term it gives. A claim left by a replica killed mid-write is taken over after half
  // of it, so it never outlives the lease it was for (a renewal's claim is taken at least two thirds of a term
  // before the lease it renews expires).
  constructor(mongo: MongoConnection, collection: string, termMs: number) {
    super(mongo, { model: `Lease_${collection}`, collection, schema });
    this.claims = new WriteClaims(mongo, `${collection}_claims`, termMs / 2);
  }

  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    await this.claims.onModuleInit();
  }

  // Takes the lease if it is free, expired or already this owner's; null when another owner holds it (or takes it
  // at the same moment).
  async acquire(id: string, owner: string, ttlMs: number, now: Date): Promise<Lease | null> {
    const expiresAt = new Date(now.getTime() + ttlMs);
    const current = await this.model.findById(id).lean<LeaseDoc>().exec();
    if (!current) {
      const fresh = { _id: id, owner, token: 1, expiresAt };
      return (await this.insertIfAbsent(fresh)) ? toLease(fresh, owner) : null;
    }
    if (current.owner === owner) return this.renew(toLease(current, owner), ttlMs, now);
    if (current.owner !== null && current.expiresAt > now) return null;
    const token = current.token + 1;
    const taken = await this.compareAndSet(current, { owner, token, expiresAt });
    return taken ? { id, owner, token, expiresAt } : null;
  }

  // Extends a lease its holder still has; null when it changed hands (or was released) meanwhile. A renewal that
  // meets a concurrent writer returns the lease unextended: the holder keeps it until its old expiry.
  async renew(lease: Lease, ttlMs: number, now: Date): Promise<Lease | null> {
    const expiresAt = new Date(now.getTime() + ttlMs);
    const renewed = await this.claims.holding(`${lease.id}@${lease.token}`, async () => {
      const filter = { _id: lease.id, owner: lease.owner, token: lease.token };
      return (await this.model.updateOne(filter, { $set: { expiresAt } }).exec()).matchedCount === 1;
    });
    if (renewed === null) return lease;
    return renewed ? { ...lease, expiresAt } : null;
  }

  // Frees the lease for the next taker at once (a clean stop, or handing work to a replica with less).
  async release(lease: Lease): Promise<void> {
    await this.claims.holding(`${lease.id}@${lease.token}`, () =>
      this.model
        .updateOne(
          { _id: lease.id, owner: lease.owner, token: lease.token },
          { $set: { owner: null, expiresAt: new Date(0) } },
        )
        .exec(),
    );
  }

  // Every lease of the table: small (one per polled account and per live replica).
  async all(): Promise<LeaseState[]> {
    const docs = await this.model.find({}).lean<LeaseDoc[]>().exec();
    return docs.map((d) => ({ id: d._id, owner: d.owner, token: d.token, expiresAt: d.expiresAt }));
  }

  private async compareAndSet(current: LeaseDoc, next: Omit<LeaseDoc, '_id'>): Promise<boolean> {
    const done = await this.claims.holding(`${current._id}@${current.token}`, async () => {
      const filter = { _id: current._id, token: current.token, expiresAt: current.expiresAt };
      return (await this.model.updateOne(filter, { $set: next }).exec()).matchedCount === 1;
    });
    return done === true;
  }
}

function toLease(doc: LeaseDoc, owner: string): Lease {
  return { id: doc._id, owner, token: doc.token, expiresAt: doc.expiresAt };
}

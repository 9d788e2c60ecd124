import type { Model, QueryFilter, UpdateQuery } from 'mongoose';
import type { EncryptedSecret } from './secret-cipher';
import type { StoredSecret } from './secret-rotation';

interface WithSecret {
  _id: string;
  secret: EncryptedSecret | null;
}

// The `secret` field of a collection as a rotation reads and replaces it (see SecretStore).
export class SecretField<D extends WithSecret> {
  constructor(private readonly model: Model<D>) {}

  // Records without a secret are skipped (FerretDB drops a stored null, so "is an object" is the test).
  async stored(): Promise<StoredSecret[]> {
    const filter = { secret: { $type: 'object' } } as QueryFilter<D>;
    const docs = await this.model.find(filter, { secret: 1 }).lean<WithSecret[]>().exec();
    return docs.flatMap((doc) => (doc.secret ? [{ id: doc._id, secret: doc.secret }] : []));
  }

  // Compare-and-set on the ciphertext read.
  async replace(id: string, current: EncryptedSecret, next: EncryptedSecret): Promise<boolean> {
    // The filter and update name only fields of WithSecret, which D extends.
    const filter = { _id: id, 'secret.iv': current.iv, 'secret.data': current.data } as QueryFilter<D>;
    const update = { $set: { secret: next } } as UpdateQuery<D>;
    return (await this.model.updateOne(filter, update).exec()).modifiedCount === 1;
  }
}

import { Injectable } from '@nestjs/common';
import { KeyedSerializer } from '@seatwise/platform/db/keyed-serializer';

// Writes to one collection from different tasks of this process go one after another. FerretDB 1.24
// can lose one of two concurrent updates of different fields of a document (MongoDB never does); the
// auth-log loop, the users loop and manual commands touch the same service and user documents.
@Injectable()
export class WriteLock {
  private readonly serializer = new KeyedSerializer();

  run<T>(key: 'services' | 'users', task: () => Promise<T>): Promise<T> {
    return this.serializer.run(key, task);
  }
}

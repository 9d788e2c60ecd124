import { Injectable } from '@nestjs/common';

// Writes to one collection from different tasks of this process go one after another. FerretDB 1.24
// can lose one of two concurrent updates of different fields of a document (MongoDB never does); the
// auth-log loop, the users loop and manual commands touch the same service and user documents.
@Injectable()
export class WriteLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: 'services' | 'users', task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

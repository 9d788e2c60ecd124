// Values computed from data that a version counter describes: each key keeps the value of the version it was
// computed at, and asking at another version computes it again. Concurrent asks at one version share one
// computation; a failed one is forgotten, so the next ask tries again. The least recently computed keys go first
// once more than `capacity` are kept.
export class VersionedMemo<T> {
  private readonly held = new Map<string, { version: number; value: Promise<T> }>();

  constructor(private readonly capacity: number) {}

  get(key: string, version: number, compute: () => Promise<T>): Promise<T> {
    const kept = this.held.get(key);
    if (kept?.version === version) return kept.value;
    // Never back to an older version than one already kept (a slow reader of an older version).
    if (kept !== undefined && kept.version > version) return compute();
    const value = compute();
    const entry = { version, value };
    this.held.delete(key);
    this.held.set(key, entry);
    value.catch(() => {
      if (this.held.get(key) === entry) this.held.delete(key);
    });
    for (const oldest of this.held.keys()) {
      if (this.held.size <= this.capacity) break;
      this.held.delete(oldest);
    }
    return value;
  }
}

// Values computed from data that a version token describes: each key keeps the value of the token it was computed
// at, and asking with another token computes it again. Concurrent asks with one token share one computation; a
// failed one is forgotten, so the next ask tries again. No token (the data's version is not known yet) computes
// without keeping. The least recently computed keys go first once more than `capacity` are kept.
export class VersionedMemo<T> {
  private readonly held = new Map<string, { token: string; value: Promise<T> }>();

  constructor(private readonly capacity: number) {}

  get(key: string, token: string | null, compute: () => Promise<T>): Promise<T> {
    if (token === null) return compute();
    const kept = this.held.get(key);
    if (kept?.token === token) return kept.value;
    const value = compute();
    const entry = { token, value };
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

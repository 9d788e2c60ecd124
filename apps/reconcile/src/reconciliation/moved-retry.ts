// A row is written only at the revision it was read at (RowRepository.update): a write another writer overtook
// reports MOVED, and is tried again from a fresh read, a few times.
export const MOVED = Symbol('moved');

// Runs `attempt` until it returns something else than MOVED, at most `attempts` times; MOVED when every attempt
// was overtaken.
export async function retriedWhileMoved<T>(
  attempts: number,
  attempt: () => Promise<T | typeof MOVED>,
): Promise<T | typeof MOVED> {
  for (let i = 0; i < attempts; i++) {
    const result = await attempt();
    if (result !== MOVED) return result;
  }
  return MOVED;
}

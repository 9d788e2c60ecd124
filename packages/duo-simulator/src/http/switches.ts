import { z } from 'zod';

// Runtime switches a spec flips to make Duo misbehave on purpose, in process or on /_sim: an integration key
// revoked (every call signed with it answers 401 40102 as for an unknown key) and an account whose logs stop
// (its log endpoints show nothing newer than the pause; on resume the hidden events appear, as after an outage).
// Nothing is switched by default.
export const keySwitchSchema = z.object({ ikey: z.string().min(1), revoked: z.boolean() }).strict();
export const logsSwitchSchema = z.object({ accountId: z.string().min(1), paused: z.boolean() }).strict();

export class SimSwitches {
  private readonly revoked = new Set<string>();
  // accountId → when its logs stopped (ms).
  private readonly paused = new Map<string, number>();

  setKeyRevoked(ikey: string, revoked: boolean): void {
    if (revoked) this.revoked.add(ikey);
    else this.revoked.delete(ikey);
  }

  isRevoked(ikey: string): boolean {
    return this.revoked.has(ikey);
  }

  setLogsPaused(accountId: string, paused: boolean, now: number): void {
    if (!paused) this.paused.delete(accountId);
    else if (!this.paused.has(accountId)) this.paused.set(accountId, now);
  }

  // The newest log time an account shows: `visibleUntil`, or the pause time while its logs are paused.
  logsVisibleUntil(accountId: string | undefined, visibleUntil: number): number {
    const pausedAt = accountId === undefined ? undefined : this.paused.get(accountId);
    return pausedAt === undefined ? visibleUntil : Math.min(visibleUntil, pausedAt);
  }

  state(): { revokedKeys: string[]; pausedLogs: { accountId: string; since: string }[] } {
    return {
      revokedKeys: [...this.revoked],
      pausedLogs: [...this.paused].map(([accountId, at]) => ({ accountId, since: new Date(at).toISOString() })),
    };
  }
}

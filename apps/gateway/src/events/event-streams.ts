import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/gateway-env';
import { AppError } from '@seatwise/shared/errors/app-error';
import { ApiKeysService } from '../auth/api-keys.service';
import type { Principal } from '../auth/principal';
import { SessionService } from '../auth/session.service';

// Who holds a stream: the API key, and the console session it was opened through (null: a Bearer key).
export interface StreamOwner {
  principal: Principal;
  sessionToken: string | null;
}

interface OpenStream {
  owner: StreamOwner;
  close: (reason: string) => void;
}

// The open event streams, per API key: at most GATEWAY_SSE_MAX_PER_KEY each, and none outliving its credentials.
// A key revoked through this gateway closes its streams at once; every GATEWAY_SSE_HEARTBEAT_MS each stream's key
// (or console session: signed out, expired, its key revoked) is checked again, so a revocation by another gateway
// instance or an expiry ends it too.
@Injectable()
export class EventStreams implements OnModuleDestroy {
  private readonly byKey = new Map<string, Set<OpenStream>>();
  private readonly timer: NodeJS.Timeout;
  private readonly stopListening: () => void;

  constructor(
    private readonly keys: ApiKeysService,
    private readonly sessions: SessionService,
    @Inject(APP_ENV) private readonly env: Env,
  ) {
    this.stopListening = keys.onRevoked((keyId) => {
      this.closeKey(keyId, 'the API key was revoked');
    });
    this.timer = setInterval(() => void this.recheck(), env.GATEWAY_SSE_HEARTBEAT_MS);
    this.timer.unref();
  }

  // Registers a stream, or refuses one over the key's cap; the returned function forgets it (on close).
  admit(owner: StreamOwner, close: (reason: string) => void): () => void {
    const keyId = owner.principal.keyId;
    const open = this.byKey.get(keyId) ?? new Set<OpenStream>();
    if (open.size >= this.env.GATEWAY_SSE_MAX_PER_KEY) {
      throw new AppError(
        'HTTP.TOO_MANY_STREAMS',
        `This API key already has ${open.size} event streams open (at most ${this.env.GATEWAY_SSE_MAX_PER_KEY}); close one first`,
      );
    }
    const stream: OpenStream = { owner, close };
    open.add(stream);
    this.byKey.set(keyId, open);
    return () => {
      open.delete(stream);
      if (open.size === 0 && this.byKey.get(keyId) === open) this.byKey.delete(keyId);
    };
  }

  openCount(keyId: string): number {
    return this.byKey.get(keyId)?.size ?? 0;
  }

  // Closes every stream whose key or session no longer authenticates.
  async recheck(): Promise<void> {
    for (const open of [...this.byKey.values()]) {
      for (const stream of [...open]) {
        const reason = await this.ended(stream.owner).catch(() => null);
        if (reason !== null) stream.close(reason);
      }
    }
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.stopListening();
  }

  private async ended({ principal, sessionToken }: StreamOwner): Promise<string | null> {
    if (sessionToken !== null) {
      return (await this.sessions.find(sessionToken)) === null ? 'the console session ended' : null;
    }
    return (await this.keys.principalById(principal.keyId)) === null ? 'the API key was revoked' : null;
  }

  private closeKey(keyId: string, reason: string): void {
    for (const stream of [...(this.byKey.get(keyId) ?? [])]) stream.close(reason);
  }
}

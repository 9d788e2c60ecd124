import { Injectable } from '@nestjs/common';

// Tells the dispatcher that notifications were written, so they go out now rather than on its next tick; kept
// apart so the writers (alert transitions) need not know the dispatcher.
@Injectable()
export class DispatchSignal {
  private listener: (() => void) | null = null;

  listen(listener: () => void): void {
    this.listener = listener;
  }

  notify(): void {
    this.listener?.();
  }
}

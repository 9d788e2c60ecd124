// The live stream as a test controls it: emit(name, payload) delivers an SSE event to the console.
export class FakeEventSource extends EventTarget {
  static last: FakeEventSource | null = null;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;

  constructor(readonly url: string) {
    super();
    FakeEventSource.last = this;
  }

  open(): void {
    this.onopen?.(new Event('open'));
  }

  emit(name: string, payload: unknown): void {
    this.dispatchEvent(new MessageEvent(name, { data: JSON.stringify(payload) }));
  }

  close(): void {
    this.closed = true;
  }
}

export const fakeEventSourceFactory = (url: string): EventSource => new FakeEventSource(url) as unknown as EventSource;

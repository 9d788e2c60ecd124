interface SseEvent {
  event: string;
  data: unknown;
}

export interface SseStream {
  status: number;
  contentType: string | null;
  // Resolves with the first event matching, from those received so far or still to come.
  next(match: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  comments(): number;
  close(): void;
}

// Reads a text/event-stream over fetch, parsing frames as they arrive.
export async function openSse(url: string, key: string): Promise<SseStream> {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  const waiters: { match: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }[] = [];
  let commentCount = 0;
  const deliver = (event: SseEvent): void => {
    events.push(event);
    for (const waiter of [...waiters]) {
      if (waiter.match(event)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    }
  };
  const pump = async (): Promise<void> => {
    if (!res.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = frame.split('\n');
        if (lines.every((l) => l.startsWith(':') || l.startsWith('retry:'))) {
          commentCount += lines.filter((l) => l.startsWith(':')).length;
          continue;
        }
        const name = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message';
        const data = lines
          .filter((l) => l.startsWith('data: '))
          .map((l) => l.slice(6))
          .join('\n');
        deliver({ event: name, data: JSON.parse(data) as unknown });
      }
    }
  };
  pump().catch(() => undefined);
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    next: (match, timeoutMs = 30_000) => {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error('no matching event in time'));
        }, timeoutMs);
        waiters.push({
          match,
          resolve: (e) => {
            clearTimeout(timer);
            resolve(e);
          },
        });
      });
    },
    comments: () => commentCount,
    close: () => {
      controller.abort();
    },
  };
}

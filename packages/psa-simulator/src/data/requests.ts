// Every request to the simulated API, in order, as answered: specs check "exactly one write per row" against it.
export interface RequestRecord {
  at: string;
  method: string;
  // Path without the query string.
  path: string;
  status: number;
}

export class RequestLog {
  private readonly entries: RequestRecord[] = [];

  record(entry: RequestRecord): void {
    this.entries.push(entry);
  }

  all(): RequestRecord[] {
    return [...this.entries];
  }
}

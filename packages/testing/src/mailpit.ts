import { requireEnv } from './scope';
import { waitFor } from './wait';

// What the harness's Mailpit received, read through its HTTP API (https://mailpit.axllent.org/docs/api-v1/).
export interface MailpitAddress {
  Name: string;
  Address: string;
}

export interface MailpitSummary {
  ID: string;
  MessageID: string;
  Subject: string;
  To: MailpitAddress[];
}

export interface MailpitMessage extends MailpitSummary {
  From: MailpitAddress;
  Text: string;
  HTML: string;
}

// The harness's Mailpit (jest's globalSetup starts one and exports its addresses).
export function harnessMailpit(): { smtpHost: string; smtpPort: number; httpUrl: string } {
  const smtp = requireEnv('SEATWISE_TEST_MAILPIT_SMTP');
  const [host = '127.0.0.1', port = ''] = smtp.split(':');
  return { smtpHost: host, smtpPort: Number(port), httpUrl: requireEnv('SEATWISE_TEST_MAILPIT_HTTP') };
}

export class MailpitClient {
  constructor(private readonly httpUrl: string) {}

  // Messages matching a Mailpit search (e.g. `to:"x@y.test"`), newest first. Specs search by a recipient of their
  // own, so files sharing the harness's Mailpit never see each other's mail.
  async search(query: string): Promise<MailpitSummary[]> {
    const body = await this.json(`/api/v1/search?query=${encodeURIComponent(query)}`);
    return (body as { messages: MailpitSummary[] }).messages;
  }

  async message(id: string): Promise<MailpitMessage> {
    return (await this.json(`/api/v1/message/${encodeURIComponent(id)}`)) as MailpitMessage;
  }

  // Waits until `count` messages match, then reads them whole.
  async awaitMessages(query: string, count: number, timeoutMs = 15_000): Promise<MailpitMessage[]> {
    const found = await waitFor(
      async () => {
        const messages = await this.search(query);
        return messages.length >= count ? messages : null;
      },
      { timeoutMs, description: `${count} message(s) in Mailpit matching ${query}` },
    );
    return Promise.all(found.map((m) => this.message(m.ID)));
  }

  private async json(path: string): Promise<unknown> {
    const res = await fetch(`${this.httpUrl}${path}`);
    if (!res.ok) throw new Error(`Mailpit ${path} answered ${res.status}`);
    return res.json();
  }
}

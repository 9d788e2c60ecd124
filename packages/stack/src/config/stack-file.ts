import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

// `.seatwise/stack.json`: where a running stack answers, for scripts, the README tour and the e2e test.
export const stackFileSchema = z.object({
  gatewayUrl: z.url(),
  // With several gateway replicas (--replicas): each one's URL, the first being gatewayUrl. Every one serves the
  // same console and API; absent with one gateway.
  gatewayUrls: z.array(z.url()).min(2).optional(),
  adminApiKey: z.string().min(1),
  duoSimulatorUrl: z.url(),
  psaSimulatorUrl: z.url(),
  // With a NATS cluster (--nats-cluster): every node's URL, comma-separated, as NATS_URL takes them.
  natsUrl: z.string().startsWith('nats://'),
  mongoUrl: z.string().startsWith('mongodb://'),
  // Mailpit's web inbox: every email the alerts service sent.
  mailInboxUrl: z.url(),
});
export type StackFile = z.infer<typeof stackFileSchema>;

export function writeStackFile(path: string, file: StackFile): void {
  // Owner-only: it holds the admin key.
  writeFileSync(path, `${JSON.stringify(stackFileSchema.parse(file), null, 2)}\n`, { mode: 0o600 });
}

export function readStackFile(path: string): StackFile | null {
  try {
    const parsed = stackFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

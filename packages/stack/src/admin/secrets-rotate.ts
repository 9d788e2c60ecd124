import { problemSchema } from '@seatwise/shared/contracts/gateway-api';
import { type SecretsRotation, secretsRotationSchema } from '@seatwise/shared/contracts/secrets-rotation';

export const ROTATE_PATH = '/api/v1/secrets/rotate';

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export class CliError extends Error {}

// Asks the gateway to rotate every service's stored secrets (an admin key's request) and returns the reports.
export async function requestRotation(gatewayUrl: string, apiKey: string, fetch: Fetch): Promise<SecretsRotation> {
  let response: Response;
  try {
    response = await fetch(new URL(ROTATE_PATH, gatewayUrl).toString(), {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, accept: 'application/json' },
      signal: AbortSignal.timeout(120_000),
    });
  } catch (error) {
    throw new CliError(`the gateway at ${gatewayUrl} cannot be reached: ${(error as Error).message}`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = problemSchema.safeParse(body);
    const why = problem.success ? `${problem.data.code}: ${problem.data.detail}` : `HTTP ${response.status}`;
    throw new CliError(`the rotation was refused (${why})`);
  }
  const parsed = secretsRotationSchema.safeParse(body);
  if (!parsed.success) throw new CliError('the gateway answered something other than a rotation report');
  return parsed.data;
}

// One line per service, then one per unreadable record: what an operator needs to decide whether an old key can go.
export function formatRotation(rotation: SecretsRotation): string {
  const lines: string[] = [];
  for (const report of rotation.services) {
    const held = Object.entries(report.held)
      .map(([keyId, n]) => `${keyId}: ${n}`)
      .join(', ');
    lines.push(
      `${report.service} (${report.collection}): rotated ${report.rotated}, changed meanwhile ${report.changedMeanwhile}, ` +
        `unreadable ${report.unreadable.length}; held by key id: ${held || 'none stored'} (active: ${report.activeKeyId})`,
    );
    for (const record of report.unreadable) {
      lines.push(`  ${report.service}: ${record.id} under key ${record.keyId} cannot be read (${record.code})`);
    }
  }
  return `${lines.join('\n')}\n`;
}

// The key ids that still hold a secret somewhere other than under that service's active key.
export function keysStillHolding(rotation: SecretsRotation): string[] {
  const ids = new Set<string>();
  for (const report of rotation.services) {
    for (const [keyId, n] of Object.entries(report.held)) if (n > 0 && keyId !== report.activeKeyId) ids.add(keyId);
  }
  return [...ids].sort();
}

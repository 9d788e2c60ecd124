import { z } from 'zod';
import { defineRpc, SERVICE_NAMES, type ServiceName } from './rpc-definition';

const perKeyId = z.record(z.string(), z.number().int().nonnegative());

// What a rotation of one service's stored secrets found and did (`seatwise secrets rotate`, and each start).
export const rotationReportSchema = z.object({
  collection: z.string(),
  activeKeyId: z.string(),
  // Secrets per key id as found ("<id> (unbound)" for those written before secrets were bound to their record).
  found: perKeyId,
  // Secrets per key id after the rotation (what a gauge shows): those rotated, or rewritten meanwhile by another
  // writer, are under the active key; the unreadable stay where they were.
  held: perKeyId,
  rotated: z.number().int().nonnegative(),
  // Changed by another writer between the read and the write (already under the active key, or soon).
  changedMeanwhile: z.number().int().nonnegative(),
  // Records whose secret cannot be read: its key is not configured (SECRETS.KEY_MISSING) or it was altered.
  unreadable: z.array(z.object({ id: z.string(), keyId: z.string(), code: z.string() })),
});
export type RotationReport = z.infer<typeof rotationReportSchema>;

// The services that store secrets, each rotating its own with its own keys (the gateway holds none).
export const SECRET_HOLDERS = ['duo-connector', 'reconcile', 'alerts'] as const satisfies readonly ServiceName[];
export type SecretHolder = (typeof SECRET_HOLDERS)[number];

export function isSecretHolder(name: string): name is SecretHolder {
  return (SECRET_HOLDERS as readonly string[]).includes(name);
}

export const secretsRotateRpc = (service: SecretHolder) =>
  defineRpc({
    request: z.object({ actor: z.string().trim().min(1).max(200) }).strict(),
    response: rotationReportSchema,
    description: `Re-encrypt every secret ${service} stores under its active key (compare-and-set writes); reports per key id.`,
  });

// POST /api/v1/secrets/rotate: every holder's report.
export const secretsRotationSchema = z.object({
  services: z.array(rotationReportSchema.extend({ service: z.enum(SERVICE_NAMES) })),
});
export type SecretsRotation = z.infer<typeof secretsRotationSchema>;

import { z } from 'zod';

// What the simulators print as their first stdout line and serve at GET /_sim/config (the parts we use).
const keys = z.object({ ikey: z.string(), skey: z.string() });

export const duoSimInfoSchema = z.object({
  url: z.url(),
  accountsApi: keys,
  accounts: z.array(z.object({ account_id: z.string(), name: z.string(), edition: z.string(), adminApi: keys })),
  // Further integrations of one child each (the demo's: an Admin API application lacking a permission).
  extraIntegrations: z
    .array(keys.extend({ type: z.string(), account_id: z.string(), permissions: z.array(z.string()) }))
    .default([]),
});
export type DuoSimInfo = z.infer<typeof duoSimInfoSchema>;

export const psaSimInfoSchema = z.object({
  url: z.url(),
  apiUrl: z.url(),
  companyId: z.string(),
  publicKey: z.string(),
  privateKey: z.string(),
  clientId: z.string(),
});
export type PsaSimInfo = z.infer<typeof psaSimInfoSchema>;

export async function fetchSimInfo<S extends z.ZodType>(baseUrl: string, schema: S): Promise<z.output<S>> {
  const response = await fetch(new URL('/_sim/config', baseUrl), { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`GET ${baseUrl}/_sim/config answered ${response.status}`);
  return parseInfo(await response.text(), schema, baseUrl);
}

export function parseInfo<S extends z.ZodType>(text: string, schema: S, source: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${source} did not answer with its info JSON: ${text.slice(0, 200)}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`${source} info is not what the stack expects: ${parsed.error.message}`);
  return parsed.data;
}

import { z } from 'zod';

// The simulators' ground truth (GET /_sim/truth, outside the APIs Seatwise uses), which the
// end-to-end test compares Seatwise's answers with.
const duoTruthSchema = z.object({
  accounts: z.array(
    z.object({
      account_id: z.string(),
      name: z.string(),
      edition: z.string(),
      users: z.number(),
      billable_seats: z.number(),
      applications: z.array(
        z.object({
          key: z.string(),
          name: z.string(),
          users: z.number(),
          successful_users: z.number(),
          events: z.number(),
        }),
      ),
      unused_seats: z.object({
        after_days: z.number(),
        never_enrolled: z.number(),
        denied_only: z.number(),
        inactive: z.number(),
      }),
    }),
  ),
});
export type DuoTruth = z.infer<typeof duoTruthSchema>;

const psaTruthSchema = z.object({
  companies: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      pairedDuoAccountId: z.string().nullable(),
      pairing: z.string(),
      agreements: z.array(
        z.object({
          id: z.number(),
          cancelled: z.boolean(),
          additions: z.array(
            z.object({ id: z.number(), productIdentifier: z.string(), quantity: z.number(), cancelled: z.boolean() }),
          ),
        }),
      ),
    }),
  ),
});
export type PsaTruth = z.infer<typeof psaTruthSchema>;
export type PsaTruthCompany = PsaTruth['companies'][number];

async function truthOf<S extends z.ZodType>(baseUrl: string, schema: S): Promise<z.output<S>> {
  const response = await fetch(new URL('/_sim/truth', baseUrl));
  if (!response.ok) throw new Error(`GET ${baseUrl}/_sim/truth answered ${response.status}`);
  return schema.parse(await response.json());
}

export const duoTruth = (url: string): Promise<DuoTruth> => truthOf(url, duoTruthSchema);
export const psaTruth = (url: string): Promise<PsaTruth> => truthOf(url, psaTruthSchema);

// What reconcile bills a company for a product: active additions of active agreements.
export function billed(company: PsaTruthCompany, productIdentifier: string): number {
  return company.agreements
    .filter((a) => !a.cancelled)
    .flatMap((a) => a.additions)
    .filter((x) => !x.cancelled && x.productIdentifier === productIdentifier)
    .reduce((n, x) => n + x.quantity, 0);
}

export const productIdentifierOf = (sku: string): string => `DUO-${sku.toUpperCase()}`;

export interface ServiceCounts {
  applicationKey: string;
  name: string;
  attemptedUserCount: number;
  userCount: number;
  authCount: number;
}

interface ApplicationTruth {
  key: string;
  name: string;
  users: number;
  successful_users: number;
  events: number;
}

// An account's inventory as discovery must show it, from the Duo simulator's raw logs: every application with
// events, the users who tried it, the users who authenticated successfully (a service's users) and its events.
export function expectedServices(account: { applications: readonly ApplicationTruth[] }): ServiceCounts[] {
  return sortServices(
    account.applications
      .filter((a) => a.events > 0)
      .map((a) => ({
        applicationKey: a.key,
        name: a.name,
        attemptedUserCount: a.users,
        userCount: a.successful_users,
        authCount: a.events,
      })),
  );
}

export function sortServices<T extends { applicationKey: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => a.applicationKey.localeCompare(b.applicationKey));
}

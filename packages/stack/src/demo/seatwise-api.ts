import { z } from 'zod';
import {
  duoAccountViewSchema,
  integrationViewSchema,
  integrationWithReportSchema,
  type IntegrationInput,
} from '@seatwise/shared/contracts/connector-views';
import {
  seatsResponseSchema,
  serviceUserViewSchema,
  serviceViewSchema,
  userViewSchema,
} from '@seatwise/shared/contracts/discovery-views';
import {
  accountMappingViewSchema,
  type DuoSku,
  psaCompanyViewSchema,
  psaConnectionViewSchema,
  psaProductViewSchema,
  reconciliationRowViewSchema,
  serviceMappingViewSchema,
} from '@seatwise/shared/contracts/reconcile-views';
import type { PsaConnectionBody } from '@seatwise/shared/contracts/reconcile-rpcs';
import { alertChannelBodySchema, alertChannelViewSchema } from '@seatwise/shared/contracts/alerts-channels';
import { alertRuleCreateSchema } from '@seatwise/shared/contracts/alerts-rpcs';
import { alertRuleViewSchema } from '@seatwise/shared/contracts/alerts-views';
import { GatewayClient } from './gateway-client';

const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const enc = encodeURIComponent;

// Every item of a cursor-paginated list.
export async function allPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const { items: batch, nextCursor } = await fetchPage(cursor);
    all.push(...batch);
    cursor = nextCursor ?? undefined;
  } while (cursor !== undefined);
  return all;
}

// Seatwise's HTTP API (apps/gateway, /api/v1), the calls the demo and the end-to-end test make.
export class SeatwiseApi {
  private readonly http: GatewayClient;

  constructor(gatewayUrl: string, apiKey: string) {
    this.http = new GatewayClient(gatewayUrl, apiKey);
  }

  listIntegrations() {
    return this.http.get('/api/v1/integrations', page(integrationViewSchema), { limit: 200 });
  }

  createIntegration(input: IntegrationInput) {
    return this.http.post('/api/v1/integrations', input, integrationWithReportSchema);
  }

  getIntegration(id: string) {
    return this.http.get(`/api/v1/integrations/${enc(id)}`, integrationViewSchema);
  }

  listAccounts() {
    return this.http.get('/api/v1/accounts', page(duoAccountViewSchema), { limit: 200 });
  }

  listServices(accountId: string, cursor?: string) {
    return this.http.get('/api/v1/services', page(serviceViewSchema), { accountId, limit: 200, cursor });
  }

  serviceUsers(serviceId: string, cursor?: string) {
    return this.http.get(`/api/v1/services/${enc(serviceId)}/users`, page(serviceUserViewSchema), {
      limit: 200,
      cursor,
    });
  }

  listUsers(accountId: string, cursor?: string) {
    return this.http.get('/api/v1/users', page(userViewSchema), { accountId, limit: 200, cursor });
  }

  seats(accountId: string) {
    return this.http.get('/api/v1/discovery/seats', seatsResponseSchema, { accountId });
  }

  listPsaCompanies(connectionId?: string, cursor?: string) {
    return this.http.get('/api/v1/psa/companies', page(psaCompanyViewSchema), { connectionId, limit: 200, cursor });
  }

  listPsaConnections() {
    return this.http.get('/api/v1/psa/connections', page(psaConnectionViewSchema), { limit: 200 });
  }

  createPsaConnection(input: PsaConnectionBody) {
    return this.http.post('/api/v1/psa/connections', input, psaConnectionViewSchema);
  }

  listProducts(q?: string, cursor?: string) {
    return this.http.get('/api/v1/psa/products', page(psaProductViewSchema), { q, limit: 200, cursor });
  }

  listAccountMappings(cursor?: string) {
    return this.http.get('/api/v1/mappings/accounts', page(accountMappingViewSchema), { limit: 200, cursor });
  }

  mapAccount(accountId: string, psaCompanyId: string) {
    return this.http.post(
      `/api/v1/mappings/accounts/${enc(accountId)}/map`,
      { psaCompanyId },
      accountMappingViewSchema,
    );
  }

  listServiceMappings() {
    return this.http.get('/api/v1/mappings/services', page(serviceMappingViewSchema), { limit: 200 });
  }

  mapService(sku: DuoSku, productId: string) {
    return this.http.post(`/api/v1/mappings/services/${enc(sku)}/map`, { productId }, serviceMappingViewSchema);
  }

  listReconciliation(query: { accountId?: string; state?: string; cursor?: string } = {}) {
    return this.http.get('/api/v1/reconciliation', page(reconciliationRowViewSchema), { ...query, limit: 200 });
  }

  getReconciliationRow(id: string) {
    return this.http.get(`/api/v1/reconciliation/${enc(id)}`, reconciliationRowViewSchema);
  }

  approve(ids: string[], note?: string) {
    return this.http.post(
      '/api/v1/reconciliation/approve',
      { ids, ...(note === undefined ? {} : { note }) },
      items(reconciliationRowViewSchema),
    );
  }

  listAlertChannels() {
    return this.http.get('/api/v1/alerts/channels', page(alertChannelViewSchema), { limit: 200 });
  }

  createAlertChannel(input: z.input<typeof alertChannelBodySchema>) {
    return this.http.post('/api/v1/alerts/channels', input, alertChannelViewSchema);
  }

  createAlertRule(input: z.input<typeof alertRuleCreateSchema>) {
    return this.http.post('/api/v1/alerts/rules', input, alertRuleViewSchema);
  }
}

import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import type { QuantityResult } from './psa-adapter';
import { PsaDataRepository } from './psa-data.repository';
import type { PsaAdditionDoc, PsaAgreementDoc, PsaCompanyDoc } from './psa-records.schemas';

const company: PsaCompanyDoc = {
  _id: 'cw-1',
  connectionId: 'cw',
  externalId: '1',
  identifier: null,
  name: 'Acme Dental',
  nameKey: 'acme dental',
  seenRun: 'run1',
};
const agreement: PsaAgreementDoc = {
  _id: 'cw-a1',
  connectionId: 'cw',
  externalId: 'a1',
  companyId: 'cw-1',
  name: 'Managed services',
  cancelled: false,
  currency: 'USD',
  seenRun: 'run1',
};
const addition = (quantity: number): PsaAdditionDoc => ({
  _id: 'cw-l1',
  connectionId: 'cw',
  externalId: 'l1',
  agreementId: 'cw-a1',
  companyId: 'cw-1',
  productId: 'cw-p1',
  quantity,
  unitPrice: 3,
  cancelled: false,
  seenRun: 'run1',
});

// Two replicas of reconcile, each with its own connection and its own in-memory lookup, over one database.
describe('the PSA lookup held in memory, across replicas', () => {
  let scope: TestScope;
  const connections: MongoConnection[] = [];
  let a: PsaDataRepository;
  let b: PsaDataRepository;

  beforeAll(async () => {
    scope = createTestScope();
    for (const name of ['replica-a', 'replica-b']) {
      connections.push(await MongoConnection.open(scope.mongoUrl, scope.dbName, name));
    }
    [a, b] = connections.map((c) => new PsaDataRepository(c)) as [PsaDataRepository, PsaDataRepository];
    await a.onModuleInit();
    await a.upsertCompanies([company]);
    await a.upsertAgreements([agreement]);
    await a.upsertAdditions([addition(5)]);
  });

  afterAll(async () => {
    for (const c of connections) await c.onApplicationShutdown();
    await scope.cleanup();
  });

  it("sees another replica's sync at its next read", async () => {
    expect((await a.billing('cw-1', 'cw-p1')).quantity).toBe(5);
    expect(await a.companiesByNameKey('acme dental')).toEqual([company]);
    await b.upsertAdditions([addition(7)]);
    expect((await a.billing('cw-1', 'cw-p1')).quantity).toBe(7);
    await b.upsertCompanies([{ ...company, name: 'Acme Dental Group', nameKey: 'acme dental group' }]);
    expect(await a.companiesByNameKey('acme dental')).toEqual([]);
  });

  it('patches a pushed line in place, and the other replica reads it from the database', async () => {
    const result: QuantityResult = {
      agreementExternalId: 'a1',
      addition: {
        externalId: 'l1',
        agreementExternalId: 'a1',
        productExternalId: 'p1',
        quantity: 12,
        unitPrice: 3,
        cancelled: false,
        lastUpdated: null,
      },
      previousQuantity: 7,
      total: 12,
      created: false,
    };
    await a.billing('cw-1', 'cw-p1');
    await b.billing('cw-1', 'cw-p1');
    await a.recordLine(company, 'cw-p1', result);
    expect(await a.billing('cw-1', 'cw-p1')).toEqual({
      quantity: 12,
      unitPrice: 3,
      agreementId: 'cw-a1',
      currency: 'USD',
    });
    expect((await b.billing('cw-1', 'cw-p1')).quantity).toBe(12);
  });

  it('forgets what a full sync did not see, and a deleted connection, on every replica', async () => {
    expect(await b.activeAgreements('cw-1')).toHaveLength(1);
    await a.removeUnseen('cw', 'run2', ['agreements']);
    expect(await b.activeAgreements('cw-1')).toEqual([]);
    expect((await b.billing('cw-1', 'cw-p1')).quantity).toBe(0);
    await a.deleteConnection('cw');
    expect(await b.companiesByNameKey('acme dental group')).toEqual([]);
    expect(await b.connectionCurrency('cw')).toBeNull();
  });
});

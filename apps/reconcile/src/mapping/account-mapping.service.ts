import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/reconcile-env';
import type { AccountMappingView } from '@seatwise/shared/contracts/reconcile-views';
import { SKU_OF_EDITION } from '@seatwise/shared/contracts/reconcile-views';
import { AuditService } from '../audit/audit.service';
import { encodeCursor } from '../db/cursor';
import { fail, ReconcileErrors } from '../errors';
import { ReconcileEvents } from '../events/reconcile-events';
import { PsaDataRepository } from '../psa/psa-data.repository';
import { Reconciler } from '../reconciliation/reconciler.service';
import { VendorAccountRepository, type VendorAccountDoc } from '../vendor/vendor-account.repository';
import { type AccountMappingDoc, AccountMappingRepository, type MappingState } from './account-mapping.repository';
import { ClaimsRepository, companyClaim } from './claims.repository';
import { rankCandidates } from './name-similarity';

export interface MappingChange {
  accountId: string;
  actor: string;
  note?: string | undefined;
}

type Target = Pick<AccountMappingDoc, 'state' | 'psaCompanyId' | 'source' | 'autoEligible'>;

// Duo account → PSA company. Automatic only on an exact name (trimmed, case-folded) that exactly one company and
// exactly one account carry; everything else is a person's decision, helped by ranked suggestions.
@Injectable()
export class AccountMappingService {
  constructor(
    private readonly mappings: AccountMappingRepository,
    private readonly claims: ClaimsRepository,
    private readonly vendors: VendorAccountRepository,
    private readonly psa: PsaDataRepository,
    private readonly audit: AuditService,
    private readonly events: ReconcileEvents,
    private readonly reconciler: Reconciler,
    private readonly clock: Clock,
    @Inject(APP_ENV) private readonly env: Env,
  ) {}

  async map(change: MappingChange & { psaCompanyId: string }): Promise<AccountMappingDoc> {
    const current = await this.current(change.accountId);
    if (!(await this.psa.company(change.psaCompanyId))) throw fail(ReconcileErrors.PSA_COMPANY_NOT_FOUND, `No PSA company ${change.psaCompanyId}`);
    if (current.state === 'mapped') {
      throw fail(ReconcileErrors.MAPPING_CONFLICT, current.psaCompanyId === change.psaCompanyId
        ? `Account ${change.accountId} is already mapped to ${change.psaCompanyId}`
        : `Account ${change.accountId} is mapped to ${current.psaCompanyId ?? '?'}; unmap it first`);
    }
    if (!(await this.claims.claim(companyClaim(change.psaCompanyId), change.accountId))) {
      const owner = await this.claims.ownerOf(companyClaim(change.psaCompanyId));
      throw fail(ReconcileErrors.MAPPING_CONFLICT, `PSA company ${change.psaCompanyId} is already mapped to account ${owner ?? '?'}`);
    }
    return this.apply(current, { state: 'mapped', psaCompanyId: change.psaCompanyId, source: 'manual', autoEligible: false }, change, 'mapping.account.map');
  }

  async unmap(change: MappingChange): Promise<AccountMappingDoc> {
    const current = await this.current(change.accountId);
    if (current.state === 'unmapped') throw fail(ReconcileErrors.MAPPING_INVALID_STATE, `Account ${change.accountId} is not mapped or excluded`);
    return this.apply(current, { state: 'unmapped', psaCompanyId: null, source: 'manual', autoEligible: false }, change, 'mapping.account.unmap');
  }

  async exclude(change: MappingChange): Promise<AccountMappingDoc> {
    const current = await this.current(change.accountId);
    if (current.state === 'excluded') throw fail(ReconcileErrors.MAPPING_INVALID_STATE, `Account ${change.accountId} is already excluded`);
    return this.apply(current, { state: 'excluded', psaCompanyId: null, source: 'manual', autoEligible: false }, change, 'mapping.account.exclude');
  }

  // Unmaps (by the system) accounts mapped to companies of a PSA connection that is going away.
  async releaseConnection(connectionId: string, actor: string): Promise<void> {
    for (const mapping of await this.mappings.byState('mapped')) {
      if (!mapping.psaCompanyId?.startsWith(`${connectionId}-`)) continue;
      await this.apply(mapping, { state: 'unmapped', psaCompanyId: null, source: 'manual', autoEligible: true }, { accountId: mapping._id, actor, note: `PSA connection ${connectionId} deleted` }, 'mapping.account.unmap')
        .catch(() => undefined); // changed concurrently: that decision stands
    }
  }

  // Maps the account if its exact name is unambiguous; returns whether it did.
  async autoMap(scope: { accountId: string }): Promise<boolean> {
    const mapping = await this.mappings.get(scope);
    const vendor = await this.vendors.get(scope);
    if (mapping?.state !== 'unmapped' || !mapping.autoEligible || !vendor) return false;
    const companies = await this.psa.companiesByNameKey(vendor.nameKey);
    const company = companies[0];
    if (companies.length !== 1 || !company || (await this.vendors.countByNameKey(vendor.nameKey)) !== 1) return false;
    if (!(await this.claims.claim(companyClaim(company._id), scope.accountId))) return false;
    await this.apply(mapping, { state: 'mapped', psaCompanyId: company._id, source: 'auto', autoEligible: true }, { accountId: scope.accountId, actor: 'system', note: 'exact name match' }, 'mapping.account.auto')
      .catch(() => undefined); // a person decided meanwhile; apply released the claim
    return true;
  }

  async autoMapAll(): Promise<void> {
    for (const mapping of await this.mappings.byState('unmapped')) if (mapping.autoEligible) await this.autoMap({ accountId: mapping._id });
  }

  async list(state: MappingState | undefined, limit: number, cursor?: string): Promise<{ items: AccountMappingView[]; nextCursor: string | null }> {
    const docs = await this.mappings.list(state, limit, cursor);
    const page = docs.slice(0, limit);
    const vendors = new Map((await this.vendors.byIds(page.map((d) => d._id))).map((v) => [v._id, v]));
    const companies = new Map((await this.psa.companiesByIds(page.flatMap((d) => (d.psaCompanyId ? [d.psaCompanyId] : [])))).map((c) => [c._id, c.name]));
    const candidates = page.some((d) => d.state === 'unmapped') ? await this.unclaimedCompanies() : [];
    const items = page.flatMap((doc) => {
      const vendor = vendors.get(doc._id);
      return vendor ? [this.view(doc, vendor, companies, candidates)] : [];
    });
    const last = page[page.length - 1];
    return { items, nextCursor: docs.length > limit && last ? encodeCursor(last._id) : null };
  }

  async viewOf(accountId: string): Promise<AccountMappingView> {
    const doc = await this.current(accountId);
    const vendor = await this.vendors.get({ accountId });
    if (!vendor) throw notFound(accountId);
    const companies = new Map((await this.psa.companiesByIds(doc.psaCompanyId ? [doc.psaCompanyId] : [])).map((c) => [c._id, c.name]));
    return this.view(doc, vendor, companies, doc.state === 'unmapped' ? await this.unclaimedCompanies() : []);
  }

  private view(doc: AccountMappingDoc, vendor: VendorAccountDoc, companies: Map<string, string>, candidates: { id: string; name: string }[]): AccountMappingView {
    return {
      accountId: doc._id, accountName: vendor.name, edition: vendor.edition, sku: vendor.edition ? SKU_OF_EDITION[vendor.edition] : null,
      billableSeats: vendor.billableSeats, state: doc.state, psaCompanyId: doc.psaCompanyId,
      psaCompanyName: doc.psaCompanyId ? companies.get(doc.psaCompanyId) ?? null : null, source: doc.source,
      suggestions: doc.state === 'unmapped' ? rankCandidates(vendor.name, candidates, this.env.RECONCILE_SUGGESTIONS).map((c) => ({ psaCompanyId: c.id, name: c.name, score: c.score })) : [],
      revision: doc.revision, updatedAt: new Date(doc.updatedAt).toISOString(),
    };
  }

  private async unclaimedCompanies(): Promise<{ id: string; name: string }[]> {
    const claimed = await this.claims.claimedKeys('company:');
    return (await this.psa.companyNames()).filter((c) => !claimed.has(companyClaim(c._id))).map((c) => ({ id: c._id, name: c.name }));
  }

  private async current(accountId: string): Promise<AccountMappingDoc> {
    const doc = await this.mappings.get({ accountId });
    if (!doc) throw notFound(accountId);
    return doc;
  }

  // Conditional on the revision read; the company claims follow the mapping (taken before, released after).
  private async apply(current: AccountMappingDoc, target: Target, change: MappingChange, action: string): Promise<AccountMappingDoc> {
    const updated = await this.mappings.transition({ accountId: current._id }, current.revision, target, this.clock.now());
    if (!updated) {
      if (target.psaCompanyId) await this.claims.release(companyClaim(target.psaCompanyId), current._id);
      throw fail(ReconcileErrors.MAPPING_CONFLICT, `Account ${current._id} was changed by someone else meanwhile; reload and retry`);
    }
    if (current.psaCompanyId && current.psaCompanyId !== target.psaCompanyId) await this.claims.release(companyClaim(current.psaCompanyId), current._id);
    await this.audit.record({ actor: change.actor, action, targetKind: 'account-mapping', targetId: current._id, accountId: current._id, note: change.note, details: { from: current.state, to: target.state, psaCompanyId: target.psaCompanyId ?? current.psaCompanyId } });
    await this.events.publish('reconcile.mapping.changed', {
      kind: 'account', accountId: current._id, sku: null, state: updated.state, psaCompanyId: updated.psaCompanyId, productId: null,
      source: target.source ?? 'manual', actor: change.actor, revision: updated.revision, at: new Date(updated.updatedAt).toISOString(),
    });
    await this.reconciler.recompute({ accountId: current._id });
    return updated;
  }
}

function notFound(accountId: string) {
  return fail(ReconcileErrors.ACCOUNT_NOT_FOUND, `No Duo account ${accountId} (accounts appear with their first snapshot from the connector)`);
}

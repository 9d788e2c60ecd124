import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { LOGGER } from '@seatwise/platform/tokens';
import type { AlertRuleView } from '@seatwise/shared/contracts/alerts-views';
import type { Page } from '@seatwise/shared/contracts/page';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { Logger } from '@seatwise/shared/logging/logger';
import { newId } from '../db/ids';
import { AlertTransitions } from '../evaluation/alert-transitions';
import { ChannelDirectory } from '../channels/channel-directory';
import { RuleRepository, type RuleDoc } from '../rule-store/rule.repository';
import { ruleView } from './rule-view';

// Rule CRUD. The contract (alerts-rpcs.ts) has validated shapes and thresholds; what it cannot know is whether the
// channels named exist, checked here before anything is stored.
@Injectable()
export class RulesService {
  constructor(
    private readonly rules: RuleRepository,
    private readonly channels: ChannelDirectory,
    private readonly transitions: AlertTransitions,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async list(request: RpcInput<'alerts.rules.list'>): Promise<Page<AlertRuleView>> {
    const page = await this.rules.page(request, request.limit, request.cursor);
    return { items: page.items.map(ruleView), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<AlertRuleView> {
    return ruleView(await this.require(id));
  }

  async create(request: RpcInput<'alerts.rules.create'>): Promise<AlertRuleView> {
    await this.requireChannels(request.channelIds);
    const now = this.clock.now();
    const { actor, ...fields } = request;
    const doc: RuleDoc = {
      _id: newId('rule'),
      ...fields,
      channelIds: unique(fields.channelIds),
      kind: fields.condition.kind,
      createdAt: now,
      updatedAt: now,
      createdBy: actor,
      updatedBy: actor,
    };
    await this.rules.insert(doc);
    this.logger.info({ rule: doc._id, kind: doc.kind, actor }, 'alert rule created');
    return ruleView(doc);
  }

  async update(request: RpcInput<'alerts.rules.update'>): Promise<AlertRuleView> {
    const { id, actor, ...changes } = request;
    const current = await this.require(id);
    if (changes.channelIds) await this.requireChannels(changes.channelIds);
    const next: RuleDoc = {
      ...current,
      ...definedOnly(changes),
      updatedAt: this.clock.now(),
      updatedBy: actor,
    };
    next.kind = next.condition.kind;
    next.channelIds = unique(next.channelIds);
    const written = await this.rules.replace(next);
    if (!written) throw notFound(id);
    this.logger.info({ rule: id, actor }, 'alert rule updated');
    return ruleView(written);
  }

  async delete(id: string, actor: string): Promise<{ deleted: true }> {
    if (!(await this.rules.delete(id))) throw notFound(id);
    await this.transitions.closeRule({ _id: id }, this.clock.now());
    this.logger.info({ rule: id, actor }, 'alert rule deleted');
    return { deleted: true };
  }

  private async require(id: string): Promise<RuleDoc> {
    const doc = await this.rules.findById(id);
    if (!doc) throw notFound(id);
    return doc;
  }

  private async requireChannels(ids: readonly string[]): Promise<void> {
    const existing = await this.channels.existing(ids);
    const unknown = ids.filter((id) => !existing.has(id));
    if (unknown.length === 0) return;
    throw new AppError(
      'ALERTS.CHANNEL_UNKNOWN',
      `No channel ${unknown.join(', ')}`,
      unknown.map((id) => ({ path: `channelIds`, message: `no channel ${id}` })),
    );
  }
}

function notFound(id: string): AppError {
  return new AppError('ALERTS.RULE_NOT_FOUND', `No alert rule ${id}`);
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

// A partial update leaves out what it does not change; `undefined` must not overwrite a stored field.
function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

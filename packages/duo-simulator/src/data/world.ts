import type { Permission, ResolvedOptions } from '../options';
import type { Account, App, Integration, IntegrationType, World } from './model';
import { COMPANY_SUFFIXES, COMPANY_WORDS, CUSTOM_APPS, EDITIONS, GROUP_NAMES, SAAS_APPS } from './catalog';
import { DEMO_EDITIONS, demoEditionHidden, demoExtraIntegrations } from './demo-msp';
import { hashString, mix, Prng } from './hash';
import { Timeline } from './timeline';
import { userStatuses } from './users';

const ALL_PERMISSIONS: ReadonlySet<Permission> = new Set(['read_information', 'read_log', 'read_resource']);

function integration(
  prng: Prng,
  type: IntegrationType,
  accountIndex: number | undefined,
  permissions: ReadonlySet<Permission>,
): Integration {
  return { ikey: `DI${prng.id(18)}`, skey: prng.id(40).toLowerCase(), type, accountIndex, permissions };
}

function accountName(prng: Prng, index: number): string {
  const word = COMPANY_WORDS[index % COMPANY_WORDS.length] ?? 'Acme';
  const round = Math.floor(index / COMPANY_WORDS.length);
  return `${word} ${prng.pick(COMPANY_SUFFIXES)}${round > 0 ? ` ${round + 1}` : ''}`;
}

/** Applications: mostly well-known SaaS under one of its per-account spellings, plus internal apps. */
function makeApps(prng: Prng, count: number): App[] {
  const saasOrder = prng.shuffle([...SAAS_APPS.keys()]);
  const customOrder = prng.shuffle([...CUSTOM_APPS.keys()]);
  const apps: App[] = [];
  for (let i = 0; i < count; i++) {
    const useSaas = (i % 10 < 7 && saasOrder.length > 0) || customOrder.length === 0;
    const name = useSaas
      ? prng.pick(SAAS_APPS[saasOrder.shift() ?? 0] ?? ['Slack'])
      : (CUSTOM_APPS[customOrder.shift() ?? 0] ?? 'Internal App');
    apps.push({ key: `DI${prng.id(18)}`, name: apps.some((a) => a.name === name) ? `${name} ${i}` : name });
  }
  return apps;
}

/** Splits `total` by weight into whole parts that sum to exactly `total` (largest remainders first): events across
 * accounts here, and the MSP-shaped bench's sizes (apps/discovery/src/bench/msp-profile.ts). */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest-- <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
  }
  return parts;
}

function makeAccount(o: ResolvedOptions, index: number, events: number, anchor: number): Account {
  const salt = mix(hashString(o.seed), index + 1);
  const prng = new Prng(salt);
  const name = accountName(prng, index);
  const historyEnd = anchor - o.availabilityLagMs - 1000;
  // One hour of margin keeps a full 180-day history inside "mintime within the past 180 days" for a while.
  const historyStart = Math.min(anchor - o.historyDays * 86_400_000 + 3_600_000, historyEnd - 1);
  const live = o.live ? o.speed : null;
  return {
    index,
    name,
    salt,
    id: `DA${prng.id(18)}`,
    // One draw either way, so the demo's accounts differ from the plain ones only in their edition.
    edition: prng.pick(o.demo ? DEMO_EDITIONS : EDITIONS),
    editionExposed: !(o.demo && demoEditionHidden(o.accounts).includes(index)),
    domain: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example.com`,
    apps: makeApps(prng, o.apps),
    groups: GROUP_NAMES.slice(0, 4 + prng.int(5)).map((g) => ({ id: `DG${prng.id(18)}`, name: g })),
    statuses: userStatuses(salt, o.usersPerAccount),
    auth: new Timeline(mix(salt, 1), events, historyStart, historyEnd, live),
    activity: new Timeline(mix(salt, 2), Math.ceil(events / 20), historyStart, historyEnd, live),
    admin: integration(prng, 'admin', index, ALL_PERMISSIONS),
  };
}

export function buildWorld(o: ResolvedOptions, anchor: number): World {
  const seed = hashString(o.seed);
  const weights = Array.from({ length: o.accounts }, (_, i) => 0.5 + (mix(seed, i) % 1000) / 1000);
  const counts = allocate(o.events, weights);
  const accounts = counts.map((n, i) => makeAccount(o, i, n, anchor));
  const prng = new Prng(mix(seed, 0xacc0));
  const parent = integration(prng, 'accounts', undefined, new Set());
  const extraSpecs = [...o.extraIntegrations, ...(o.demo ? demoExtraIntegrations(o.accounts) : [])];
  const extras = extraSpecs.map((x) => integration(prng, x.type, x.account, new Set(x.permissions)));
  const all = [parent, ...accounts.map((a) => a.admin), ...extras];
  return {
    accounts,
    parent,
    extras,
    byId: new Map(accounts.map((a) => [a.id, a])),
    hidden: new Set<string>(),
    integrations: new Map(all.map((x) => [x.ikey, x])),
  };
}

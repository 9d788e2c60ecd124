import type { Json } from './at-filter';
import {
  COMPANY_FIELDS,
  CONTRACT_FIELDS,
  CONTRACT_SERVICE_FIELDS,
  CURRENCY_FIELDS,
  SERVICE_FIELDS,
  UNIT_FIELDS,
  companyJson,
  contractJson,
  contractServiceJson,
  currencyJson,
  extraCompanyJson,
  extraContractJson,
  serviceJson,
  unitJson,
} from './at-serialize';
import type { AtState } from './at-state';

// A readable Autotask entity: its field names and every record as REST answers it, in id order.
export interface EntityDef {
  name: string;
  fields: readonly string[];
  records: (state: AtState) => Json[];
}

const byId = (records: Json[]): Json[] => records.sort((a, b) => Number(a['id']) - Number(b['id']));

function contractServices(state: AtState): Json[] {
  const { world } = state;
  return world.agreements.flatMap((a) => a.additions.map((x) => contractServiceJson(world, x)));
}

function units(state: AtState): Json[] {
  const { world, book } = state;
  return world.agreements.flatMap((a) =>
    a.additions.flatMap((x) => book.periodsOf(x.id).map((period) => unitJson(x, period))),
  );
}

export const ENTITIES: readonly EntityDef[] = [
  {
    name: 'Companies',
    fields: COMPANY_FIELDS,
    records: (s) => byId([...s.world.companies.map(companyJson), ...s.companies.map(extraCompanyJson)]),
  },
  {
    name: 'Contracts',
    fields: CONTRACT_FIELDS,
    records: (s) => byId([...s.world.agreements.map(contractJson), ...s.contracts.map(extraContractJson)]),
  },
  { name: 'Services', fields: SERVICE_FIELDS, records: (s) => byId(s.world.catalog.map(serviceJson)) },
  { name: 'ContractServices', fields: CONTRACT_SERVICE_FIELDS, records: (s) => byId(contractServices(s)) },
  { name: 'ContractServiceUnits', fields: UNIT_FIELDS, records: (s) => byId(units(s)) },
  { name: 'Currencies', fields: CURRENCY_FIELDS, records: (s) => byId(s.currencies.map(currencyJson)) },
];

// Entity names in paths match case-insensitively, as Autotask's do.
export function entityNamed(name: string): EntityDef | undefined {
  return ENTITIES.find((e) => e.name.toLowerCase() === name.toLowerCase());
}

import type { ItemOf, QueryOf } from '../../api/types';

// The shapes this screen shows, read from the generated API types.
export type AccountMapping = ItemOf<'/api/v1/mappings/accounts'>;
export type AccountState = NonNullable<QueryOf<'/api/v1/mappings/accounts'>['state']>;
export type AccountSuggestion = AccountMapping['suggestions'][number];
export type ServiceMapping = ItemOf<'/api/v1/mappings/services'>;
export type Sku = ServiceMapping['sku'];
export type PsaCompany = ItemOf<'/api/v1/psa/companies'>;
export type PsaProduct = ItemOf<'/api/v1/psa/products'>;
export type MappingState = AccountMapping['state'];
export type AgreementOption = ItemOf<'/api/v1/mappings/accounts/{accountId}/agreements'>;

// How many rows each list page asks for (the API allows up to 200).
export const PAGE_SIZE = '50';

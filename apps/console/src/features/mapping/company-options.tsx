import { useMemo } from 'react';
import { usePsaCompanies } from './account-queries';
import { type MenuOption, MenuOptions, type Noun } from './map-to-menu';

export const COMPANY: Noun = { one: 'PSA company', many: 'PSA companies' };

// PSA companies as Map to… options; a company already mapped to another account cannot be picked.
export function CompanyOptions({ search, onPick }: { search: string; onPick: (option: MenuOption) => void }) {
  const list = usePsaCompanies(search);
  const rows = useMemo(
    () => list.rows.map((c) => ({ id: c.id, label: c.name, hint: c.identifier, taken: c.mappedAccountId !== null })),
    [list.rows],
  );
  return (
    <MenuOptions
      query={{ rows, isPending: list.isPending, isError: list.isError, error: list.error }}
      noun={COMPANY}
      onPick={onPick}
    />
  );
}

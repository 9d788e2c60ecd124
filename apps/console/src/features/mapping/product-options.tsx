import { useMemo } from 'react';
import { type MenuOption, MenuOptions, type Noun } from './map-to-menu';
import { useProductSearch } from './service-queries';

export const PRODUCT: Noun = { one: 'PSA product', many: 'PSA products', searchHint: 'Search by name or product ID' };

// PSA products as Map to… options, found by name or product ID; one already mapped to a SKU cannot be picked.
export function ProductOptions({ search, onPick }: { search: string; onPick: (option: MenuOption) => void }) {
  const list = useProductSearch(search);
  const rows = useMemo(
    () => list.rows.map((p) => ({ id: p.id, label: p.name, hint: p.identifier, taken: p.mappedSku !== null })),
    [list.rows],
  );
  return (
    <MenuOptions
      query={{ rows, isPending: list.isPending, isError: list.isError, error: list.error }}
      noun={PRODUCT}
      onPick={onPick}
    />
  );
}

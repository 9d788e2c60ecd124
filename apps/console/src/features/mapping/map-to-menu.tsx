import { Button, Menu, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../../api/problem';

// A record kind as the menu names it: "PSA company" / "PSA companies".
export interface Noun {
  one: string;
  many: string;
  // What the search matches, when more than the name.
  searchHint?: string;
}

export interface MenuOption {
  id: string;
  label: string;
  hint?: string | null;
  // Already mapped elsewhere: listed (so the user sees why it is missing) but not pickable.
  taken?: boolean;
}

interface OptionsQuery {
  rows: readonly MenuOption[];
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

// The most options one menu lists; the search narrows the rest.
const MENU_ROWS = 20;

// "Map to…": the menu alternative to dragging, with a search field for long PSA lists. The options are
// fetched only while the menu is open (the dropdown's children mount on open).
export function MapToMenu({
  target,
  noun,
  options,
}: {
  target: string;
  noun: Noun;
  // Renders the options for the (debounced) search text.
  options: (search: string) => ReactNode;
}) {
  const [search, setSearch] = useState('');
  return (
    <Menu shadow="md" width={320} position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="compact-xs" variant="light" aria-label={`Map ${target} to…`}>
          Map to…
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Search
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          placeholder={noun.searchHint ?? `Search ${noun.many}`}
          aria-label={`Search ${noun.many} for ${target}`}
        />
        <DebouncedOptions search={search} render={options} />
      </Menu.Dropdown>
    </Menu>
  );
}

function DebouncedOptions({ search, render }: { search: string; render: (search: string) => ReactNode }) {
  const [debounced] = useDebouncedValue(search, 250);
  return <>{render(debounced)}</>;
}

// The options of a Map to… menu, with loading, error and empty states.
export function MenuOptions({
  query,
  noun,
  onPick,
}: {
  query: OptionsQuery;
  noun: Noun;
  onPick: (option: MenuOption) => void;
}) {
  if (query.isPending) return <Menu.Label>Loading {noun.many}…</Menu.Label>;
  if (query.isError) {
    return (
      <Text size="sm" c="red" px="sm" py={4} role="alert">
        {errorMessage(query.error)}
      </Text>
    );
  }
  if (query.rows.length === 0) return <Menu.Label>No {noun.one} matches</Menu.Label>;
  return (
    <>
      {query.rows.slice(0, MENU_ROWS).map((option) => (
        <Menu.Item
          key={option.id}
          disabled={option.taken}
          onClick={() => onPick(option)}
          rightSection={
            option.taken ? (
              <Text size="xs" c="dimmed">
                mapped
              </Text>
            ) : option.hint ? (
              <Text size="xs" c="dimmed">
                {option.hint}
              </Text>
            ) : null
          }
        >
          {option.label}
        </Menu.Item>
      ))}
      {query.rows.length > MENU_ROWS && <Menu.Label>Type to narrow the list</Menu.Label>}
    </>
  );
}

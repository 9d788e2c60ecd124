import { Badge, Group } from '@mantine/core';
import type { MappingState } from './mapping-types';

const COLOR: Record<MappingState, string> = { mapped: 'green', unmapped: 'yellow', excluded: 'gray' };

// The mapping state, and whether the system (not a person) made the mapping.
export function StateBadge({ state, auto = false }: { state: MappingState; auto?: boolean }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={COLOR[state]} variant="light">
        {state}
      </Badge>
      {auto && state === 'mapped' && (
        <Badge color="violet" variant="outline" title="Mapped automatically by name">
          auto
        </Badge>
      )}
    </Group>
  );
}

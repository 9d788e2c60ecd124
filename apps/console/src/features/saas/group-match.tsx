import { Badge, Text } from '@mantine/core';
import type { ServiceGroup } from './groups-queries';

// A group is a catalog product (its category shown when known) or, unmatched, a name shared across accounts.
export function GroupMatch({ group }: { group: Pick<ServiceGroup, 'productId' | 'category'> }) {
  if (group.productId === null) {
    return (
      <Badge variant="outline" color="orange">
        Unmatched
      </Badge>
    );
  }
  return (
    <Text size="sm" span>
      Catalog product{group.category ? ` · ${group.category}` : ''}
    </Text>
  );
}

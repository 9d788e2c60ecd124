import { SimpleGrid } from '@mantine/core';
import { MappingDnd } from './mapping-dnd';
import type { Sku } from './mapping-types';
import { ProductsPanel } from './products-panel';
import { useServiceCommands } from './service-commands';
import { ServicesPanel } from './services-panel';

const NOUNS = { source: 'PSA product', target: 'Duo SKU' };

// PSA products on the left, Duo SKUs on the right (stacked on narrow windows); a product dropped on a SKU
// maps the two, as the SKU's Map to… menu does.
export function ServicesTab() {
  const commands = useServiceCommands();
  return (
    <MappingDnd
      nouns={NOUNS}
      onMap={(product, service) =>
        // Drop targets of this tab are SKUs (ServicesPanel gives each its SKU as id).
        commands.map.mutate({ sku: service.id as Sku, productId: product.id, productName: product.label })
      }
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ProductsPanel />
        <ServicesPanel commands={commands} />
      </SimpleGrid>
    </MappingDnd>
  );
}

import { ActionIcon, Group, Menu } from '@mantine/core';
import { AdminOnly } from '../../session/admin-only';
import { MapToMenu } from './map-to-menu';
import type { ServiceMapping } from './mapping-types';
import { PRODUCT, ProductOptions } from './product-options';
import type { useServiceCommands } from './service-commands';

type Commands = ReturnType<typeof useServiceCommands>;

// A SKU's controls: Map to… while it is not mapped (a mapped SKU is unmapped first), then
// Unmap / Undo exclusion / Exclude….
export function ServiceActions({
  service,
  commands,
  onExclude,
}: {
  service: ServiceMapping;
  commands: Commands;
  onExclude: () => void;
}) {
  const { sku } = service;
  return (
    <AdminOnly>
      <Group gap={4} wrap="nowrap" justify="flex-end">
        {service.state !== 'mapped' && (
          <MapToMenu
            target={sku}
            noun={PRODUCT}
            options={(search) => (
              <ProductOptions
                search={search}
                onPick={(product) => commands.map.mutate({ sku, productId: product.id, productName: product.label })}
              />
            )}
          />
        )}
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={`More actions for ${sku}`}>
              ⋯
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {service.state !== 'unmapped' && (
              <Menu.Item onClick={() => commands.unmap.mutate({ sku })}>
                {service.state === 'mapped' ? 'Unmap' : 'Undo exclusion'}
              </Menu.Item>
            )}
            {service.state !== 'excluded' && (
              <Menu.Item color="red" onClick={onExclude}>
                Exclude…
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      </Group>
    </AdminOnly>
  );
}

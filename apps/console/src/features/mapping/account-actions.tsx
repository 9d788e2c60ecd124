import { ActionIcon, Group, Menu } from '@mantine/core';
import { AdminOnly } from '../../session/admin-only';
import type { useAccountCommands } from './account-commands';
import { COMPANY, CompanyOptions } from './company-options';
import { MapToMenu } from './map-to-menu';
import type { AccountMapping } from './mapping-types';

type Commands = ReturnType<typeof useAccountCommands>;

// An account's controls: Map to… while it is not mapped (a mapped account is unmapped first), then
// Unmap / Undo exclusion / Exclude….
export function AccountActions({
  account,
  commands,
  onExclude,
}: {
  account: AccountMapping;
  commands: Commands;
  onExclude: () => void;
}) {
  const ref = { accountId: account.accountId, accountName: account.accountName };
  return (
    <AdminOnly>
      <Group gap={4} wrap="nowrap" justify="flex-end">
        {account.state !== 'mapped' && (
          <MapToMenu
            target={account.accountName}
            noun={COMPANY}
            options={(search) => (
              <CompanyOptions
                search={search}
                onPick={(company) =>
                  commands.map.mutate({ ...ref, psaCompanyId: company.id, companyName: company.label })
                }
              />
            )}
          />
        )}
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={`More actions for ${account.accountName}`}>
              ⋯
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {account.state !== 'unmapped' && (
              <Menu.Item onClick={() => commands.unmap.mutate(ref)}>
                {account.state === 'mapped' ? 'Unmap' : 'Undo exclusion'}
              </Menu.Item>
            )}
            {account.state !== 'excluded' && (
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

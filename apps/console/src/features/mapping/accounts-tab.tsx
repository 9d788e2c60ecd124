import { SimpleGrid } from '@mantine/core';
import { useAccountCommands } from './account-commands';
import { AccountsPanel } from './accounts-panel';
import { CompaniesPanel } from './companies-panel';
import { MappingDnd } from './mapping-dnd';

const NOUNS = { source: 'PSA company', target: 'Duo account' };

// PSA companies on the left, Duo accounts on the right (stacked on narrow windows); a company dropped on an
// account maps the two.
export function AccountsTab() {
  const commands = useAccountCommands();
  return (
    <MappingDnd
      nouns={NOUNS}
      onMap={(company, account) =>
        commands.map.mutate({
          accountId: account.id,
          accountName: account.label,
          psaCompanyId: company.id,
          companyName: company.label,
        })
      }
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <CompaniesPanel />
        <AccountsPanel commands={commands} />
      </SimpleGrid>
    </MappingDnd>
  );
}

import { ActionIcon, Code, Group, Popover, ScrollArea, Text } from '@mantine/core';

// An entry's details as one line of compact JSON (the table's rows keep one height), the whole of it,
// indented, in a popover.
export function AuditDetails({ details, entryLabel }: { details: Record<string, unknown>; entryLabel: string }) {
  if (Object.keys(details).length === 0) return <Text c="dimmed">—</Text>;
  return (
    <Group gap={4} wrap="nowrap">
      <Code
        maw={260}
        style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', display: 'inline-block' }}
      >
        {JSON.stringify(details)}
      </Code>
      <Popover width={420} position="left" withArrow shadow="md">
        <Popover.Target>
          <ActionIcon variant="subtle" size="sm" aria-label={`Show details of ${entryLabel}`}>
            …
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown>
          <ScrollArea.Autosize mah={360}>
            <Code block>{JSON.stringify(details, null, 2)}</Code>
          </ScrollArea.Autosize>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}

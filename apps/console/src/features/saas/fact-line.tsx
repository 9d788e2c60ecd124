import { Group, Text } from '@mantine/core';

// A line of labelled numbers ("Billable: 40"), named as a group so assistive tech reads it as one summary.
export function FactLine({ label, facts }: { label: string; facts: readonly (readonly [string, string])[] }) {
  return (
    <Group gap="lg" mb="md" wrap="wrap" role="group" aria-label={label}>
      {facts.map(([name, value]) => (
        <Text size="sm" key={name}>
          <Text span c="dimmed" size="sm">
            {name}:{' '}
          </Text>
          <Text span fw={600} size="sm">
            {value}
          </Text>
        </Text>
      ))}
    </Group>
  );
}

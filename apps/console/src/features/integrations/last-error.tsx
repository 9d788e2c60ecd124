import { Alert, Text } from '@mantine/core';
import { formatDateTime } from '../../ui/format';

export interface CodedError {
  code: string;
  message: string;
  at: string;
}

// The last failure of a sync, with its code (what support asks for) and when it happened.
export function LastErrorAlert({ error }: { error: CodedError | null }) {
  if (error === null) return null;
  return (
    <Alert color="red" variant="light" title={`Last error: ${error.code}`} p="xs">
      <Text size="sm">{error.message}</Text>
      <Text size="xs" c="dimmed">
        {formatDateTime(error.at)}
      </Text>
    </Alert>
  );
}

// The same, in one table cell.
export function LastErrorText({ error }: { error: CodedError | null }) {
  if (error === null) return <Text size="sm">—</Text>;
  return (
    <Text size="sm" c="red" lineClamp={1} title={`${error.code}: ${error.message}`}>
      {error.code}: {error.message}
    </Text>
  );
}

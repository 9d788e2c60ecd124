import { Button, Center } from '@mantine/core';

interface Pages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

// The next page of a list shown as cards rather than in a table.
export function LoadMoreButton({ list, label }: { list: Pages; label: string }) {
  if (!list.hasNextPage) return null;
  return (
    <Center>
      <Button variant="subtle" size="xs" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
        Load more {label}
      </Button>
    </Center>
  );
}

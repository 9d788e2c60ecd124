import { Button } from '@mantine/core';
import { useLive } from '../../live/live-events';

// Rows changed that the loaded list does not show (new rows, or rows on pages not loaded yet): rather than
// reshuffling the table under the user's eyes, the list is refetched when they ask.
export function RefreshPrompt({ onRefresh }: { onRefresh: () => void }) {
  const { newRows, acknowledgeNewRows } = useLive();
  if (newRows === 0) return null;
  return (
    <Button
      size="xs"
      variant="light"
      onClick={() => {
        acknowledgeNewRows();
        onRefresh();
      }}
    >
      Refresh ({newRows} {newRows === 1 ? 'change' : 'changes'})
    </Button>
  );
}

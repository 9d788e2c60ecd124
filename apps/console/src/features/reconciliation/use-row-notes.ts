import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { errorMessage } from '../../api/problem';
import type { BodyOf } from '../../api/types';
import { invalidateRows, rowsWord } from './invalidate-rows';

export type MuteInput = BodyOf<'/api/v1/reconciliation/mute', 'post'>;

// Notifications of failures go in onSettled: an onError here would replace the client's default one, which signs
// the user out when the session ended.
function notifyFailure(title: string) {
  return (_answer: unknown, error: Error | null) => {
    if (error !== null) notifications.show({ color: 'red', title, message: errorMessage(error) });
  };
}

// Mute rows for some days (0 unmutes), all or none. Nothing changes in the PSA; the review leaves them out.
export function useMuteRows() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MuteInput) => unwrap(api.POST('/api/v1/reconciliation/mute', { body: input })),
    onSuccess: async (answer, input) => {
      const rows = rowsWord(answer.items.length);
      const message = input.days === 0 ? `Unmuted ${rows}` : `Muted ${rows} for ${daysWord(input.days)}`;
      notifications.show({ color: 'green', message });
      await invalidateRows(client);
    },
    onSettled: notifyFailure('Mute refused'),
  });
}

// A row's note, without deciding anything ('' clears it).
export function useRowNote(id: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (note: string) =>
      unwrap(api.POST('/api/v1/reconciliation/{id}/note', { params: { path: { id } }, body: { note } })),
    onSuccess: async (_row, note) => {
      notifications.show({ color: 'green', message: note === '' ? 'Note cleared' : 'Note saved' });
      await invalidateRows(client);
    },
    onSettled: notifyFailure('Note not saved'),
  });
}

export function daysWord(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

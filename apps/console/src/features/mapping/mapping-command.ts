import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/problem';
import { queryKeys } from '../../api/query-keys';

export interface CommandText {
  done: string;
  failed: string;
  message: string;
}

// A mapping change changes the mapping lists, the PSA records' "mapped" marks and what reconciliation can
// show, so all three are refetched whatever the outcome. Notifications go in onSettled: an onError here
// would replace the client's default one (which signs out on 401).
export function useMappingCommand<V>(run: (vars: V) => Promise<unknown>, describe: (vars: V) => CommandText) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: async (_data, error, vars) => {
      const text = describe(vars);
      if (error) {
        notifications.show({ color: 'red', title: text.failed, message: errorMessage(error) });
      } else {
        notifications.show({ color: 'green', title: text.done, message: text.message });
      }
      await Promise.all(
        [queryKeys.mappings, queryKeys.psa, queryKeys.reconciliation].map((queryKey) =>
          client.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}

// The optional note of a change, left out of the body when blank.
export function noteBody(note: string | undefined): { note?: string } {
  const trimmed = note?.trim() ?? '';
  return trimmed === '' ? {} : { note: trimmed };
}

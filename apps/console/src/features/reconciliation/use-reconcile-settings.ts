import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { errorMessage } from '../../api/problem';
import { queryKeys } from '../../api/query-keys';
import type { BodyOf, ResponseOf } from '../../api/types';

export type ReconcileSettings = ResponseOf<'/api/v1/reconciliation/settings', 'get'>;
export type DefaultEffectiveDate = ReconcileSettings['defaultEffectiveDate'];

export const DEFAULT_DATE_LABELS: Record<DefaultEffectiveDate, string> = {
  today: 'Today',
  first_of_next_month: '1st of next month',
};

const SETTINGS_KEY = [...queryKeys.reconciliation, 'settings'];

export function useReconcileSettings() {
  const api = useApi();
  return useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/reconciliation/settings')),
  });
}

// The answer is the settings as stored: it replaces the cached ones at once. The change is audited.
export function useUpdateReconcileSettings() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: BodyOf<'/api/v1/reconciliation/settings', 'patch'>) =>
      unwrap(api.PATCH('/api/v1/reconciliation/settings', { body: changes })),
    onSuccess: async (settings) => {
      client.setQueryData(SETTINGS_KEY, settings);
      notifications.show({
        color: 'green',
        message: `Default effective date: ${DEFAULT_DATE_LABELS[settings.defaultEffectiveDate]}`,
      });
      await client.invalidateQueries({ queryKey: queryKeys.audit });
    },
    // onSettled rather than onError, which would replace the client's default one (sign-out on 401).
    onSettled: (_settings, error) => {
      if (error !== null) {
        notifications.show({ color: 'red', title: 'Setting not saved', message: errorMessage(error) });
      }
    },
  });
}

import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import type { Api } from '../../api/client';
import { unwrap } from '../../api/client';
import { errorMessage } from '../../api/problem';
import { applyRowUpdate } from '../../live/row-updates';
import { VERB_DONE, VERB_LABELS, type Verb } from './decision-rules';
import { invalidateRows, rowsWord } from './invalidate-rows';
import type { ReconciliationRow } from './row-labels';

export interface DecisionInput {
  verb: Verb;
  ids: string[];
  note?: string;
  // ISO date-time; approve only.
  effectiveDate?: string;
}

function post(api: Api, { verb, ids, note, effectiveDate }: DecisionInput) {
  const body = { ids, ...(note ? { note } : {}) };
  switch (verb) {
    case 'approve':
      return unwrap(
        api.POST('/api/v1/reconciliation/approve', { body: { ...body, ...(effectiveDate ? { effectiveDate } : {}) } }),
      );
    case 'dismiss':
      return unwrap(api.POST('/api/v1/reconciliation/dismiss', { body }));
    case 'reset':
      return unwrap(api.POST('/api/v1/reconciliation/reset', { body }));
  }
}

// Approve, dismiss or reset rows, all or none. The answer's rows are patched into the loaded lists at once (the
// live stream may lag), then every reconciliation query and the audit log are refetched.
export function useDecision() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DecisionInput) => post(api, input),
    onSuccess: async (answer, input) => {
      for (const row of answer.items) applyRowUpdate(client, toUpdate(row));
      notifications.show({ color: 'green', message: `${VERB_DONE[input.verb]} ${rowsWord(answer.items.length)}` });
      await invalidateRows(client);
    },
    // onSettled rather than onError: an onError here would replace the client's default one, which signs the
    // user out when the session ended.
    onSettled: (_answer, error, input) => {
      if (error === null) return;
      notifications.show({
        color: 'red',
        title: `${VERB_LABELS[input.verb]} refused`,
        message: errorMessage(error),
      });
    },
  });
}

function toUpdate(row: ReconciliationRow) {
  const { id, vendorQuantity, psaQuantity, delta, type, state, monthlyImpact, currency, revision, updatedAt } = row;
  return { rowId: id, vendorQuantity, psaQuantity, delta, type, state, monthlyImpact, currency, revision, updatedAt };
}

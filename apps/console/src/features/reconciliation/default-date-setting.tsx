import { NativeSelect } from '@mantine/core';
import { errorMessage } from '../../api/problem';
import { keysOf } from './row-labels';
import {
  DEFAULT_DATE_LABELS,
  type DefaultEffectiveDate,
  useReconcileSettings,
  useUpdateReconcileSettings,
} from './use-reconcile-settings';

const OPTIONS = keysOf(DEFAULT_DATE_LABELS).map((value) => ({ value, label: DEFAULT_DATE_LABELS[value] }));

function isDefaultDate(value: string): value is DefaultEffectiveDate {
  return Object.hasOwn(DEFAULT_DATE_LABELS, value);
}

// When an approved change takes effect if the approval names no date (admins only: the caller wraps it).
export function DefaultDateSetting() {
  const settings = useReconcileSettings();
  const update = useUpdateReconcileSettings();
  return (
    <NativeSelect
      size="xs"
      label="Default effective date"
      data={OPTIONS}
      value={settings.data?.defaultEffectiveDate ?? ''}
      disabled={!settings.data || update.isPending}
      error={settings.isError ? `Could not load: ${errorMessage(settings.error)}` : undefined}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (isDefaultDate(value)) update.mutate({ defaultEffectiveDate: value });
      }}
    />
  );
}

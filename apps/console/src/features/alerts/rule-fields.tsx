import { Checkbox, Group, NativeSelect, NumberInput, Radio, Stack, Switch, Text, TextInput } from '@mantine/core';
import { AccountSelect } from '../../ui/account-select';
import { useAllChannels } from './alerts-queries';
import { labelOptions } from './alerts-search';
import { ChannelKindBadge } from './channel-kinds';
import type { RuleDraft, RuleField } from './rule-draft';
import { DELIVERY_LABELS, type DeliveryMode, RULE_KINDS, type RuleKind } from './rule-kinds';

const KIND_OPTIONS = (Object.keys(RULE_KINDS) as RuleKind[]).map((value) => ({
  value,
  label: RULE_KINDS[value].label,
}));
const THROTTLE_MAX = 10_080;

interface Props {
  draft: RuleDraft;
  onChange: (draft: RuleDraft) => void;
  errors: Partial<Record<RuleField, string>>;
}

// NumberInput answers a number, or a string while empty or half typed: the draft keeps '' for "not a number".
const numberOrEmpty = (value: number | string): number | '' => (typeof value === 'number' ? value : '');

export function RuleFields({ draft, onChange, errors }: Props) {
  const set = (patch: Partial<RuleDraft>) => onChange({ ...draft, ...patch });
  return (
    <Stack gap="sm">
      <TextInput
        label="Name"
        required
        maxLength={200}
        value={draft.name}
        error={errors.name}
        onChange={(e) => set({ name: e.currentTarget.value })}
        data-autofocus
      />
      <NativeSelect
        label="Condition"
        data={KIND_OPTIONS}
        value={draft.kind}
        error={errors.condition}
        // Another kind starts with its own thresholds empty: nothing of the previous kind is sent.
        onChange={(e) => {
          const kind = KIND_OPTIONS.find((o) => o.value === e.currentTarget.value)?.value;
          if (kind !== undefined) set({ kind, thresholds: {} });
        }}
      />
      <ThresholdFields draft={draft} onChange={onChange} errors={errors} />
      <ChannelChoice draft={draft} onChange={onChange} error={errors.channelIds} />
      <AccountSelect
        label="Only for account"
        placeholder="All accounts"
        clearable
        value={draft.accountId}
        onChange={(accountId) => set({ accountId })}
      />
      <Radio.Group
        label="Delivery"
        value={draft.delivery}
        error={errors.delivery}
        onChange={(value) => set({ delivery: value === 'digest' ? 'digest' : 'immediate' })}
      >
        <Group gap="lg" mt="xs">
          {labelOptions<DeliveryMode>(DELIVERY_LABELS).map((o) => (
            <Radio key={o.value} value={o.value} label={o.label} />
          ))}
        </Group>
      </Radio.Group>
      <NumberInput
        label="Throttle (minutes)"
        description="At most one notification per alert in this time; empty for no limit"
        min={1}
        max={THROTTLE_MAX}
        allowDecimal={false}
        allowNegative={false}
        value={draft.throttleMinutes}
        error={errors.throttleMinutes}
        onChange={(value) => set({ throttleMinutes: numberOrEmpty(value) })}
      />
      <Switch label="Enabled" checked={draft.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} />
    </Stack>
  );
}

// Exactly the chosen kind's thresholds; kinds without any say so.
function ThresholdFields({ draft, onChange, errors }: Props) {
  const specs = RULE_KINDS[draft.kind].thresholds;
  if (specs.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        This condition has no threshold.
      </Text>
    );
  }
  return (
    <Group grow align="flex-start">
      {specs.map((spec) => (
        <NumberInput
          key={spec.field}
          label={spec.label}
          description={spec.description}
          required={spec.optional !== true}
          min={spec.min}
          allowDecimal={!spec.integer}
          allowNegative={false}
          value={draft.thresholds[spec.field] ?? ''}
          error={errors[`condition.${spec.field}`]}
          onChange={(value) =>
            onChange({ ...draft, thresholds: { ...draft.thresholds, [spec.field]: numberOrEmpty(value) } })
          }
        />
      ))}
    </Group>
  );
}

function ChannelChoice({ draft, onChange, error }: Omit<Props, 'errors'> & { error: string | undefined }) {
  const channels = useAllChannels();
  if (channels.isPending) return <Text size="sm">Loading channels…</Text>;
  return (
    <Checkbox.Group
      label="Channels"
      description="Where this rule's alerts are sent"
      value={draft.channelIds}
      onChange={(channelIds) => onChange({ ...draft, channelIds })}
      error={
        error ??
        (channels.isError ? 'Could not load the channels' : undefined) ??
        (channels.data?.length === 0 ? 'No channel yet: add one on the Channels tab first' : undefined)
      }
      withAsterisk
    >
      <Stack gap={6} mt="xs">
        {channels.data?.map((c) => (
          <Group key={c.id} gap="xs">
            <Checkbox value={c.id} label={c.enabled ? c.name : `${c.name} (disabled)`} />
            <ChannelKindBadge kind={c.kind} />
          </Group>
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

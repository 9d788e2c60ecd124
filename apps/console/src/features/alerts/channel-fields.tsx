import { Group, NativeSelect, PasswordInput, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { errorMessage } from '../../api/problem';
import { useTicketBoards } from './alerts-queries';
import { type ChannelDraft, type ChannelField, emptyChannelDraft, SECRET_MIN } from './channel-draft';
import { CHANNEL_KIND_LABELS, type ChannelKind } from './channel-kinds';

interface Props {
  draft: ChannelDraft;
  onChange: (draft: ChannelDraft) => void;
  errors: Partial<Record<ChannelField, string>>;
  // On edit: whether the API holds a secret for this webhook (it never says which).
  secretSet?: boolean | null;
  editing?: boolean;
}

export function ChannelFields({ draft, onChange, errors, secretSet = null, editing = false }: Props) {
  const set = (patch: Partial<ChannelDraft>) => onChange({ ...draft, ...patch });
  return (
    <Stack gap="sm">
      {!editing && <ChannelKindChoice draft={draft} onChange={onChange} />}
      <TextInput
        label="Name"
        required
        maxLength={120}
        value={draft.name}
        error={errors.name}
        onChange={(e) => set({ name: e.currentTarget.value })}
        data-autofocus
      />
      {draft.kind === 'webhook' && (
        <>
          <TextInput
            label="URL"
            description="Must be allowed by the outbound policy"
            required
            type="url"
            maxLength={2048}
            value={draft.url}
            error={errors.url}
            onChange={(e) => set({ url: e.currentTarget.value })}
          />
          {/* Write-only: the field starts empty and is never filled from the API, which never returns it. */}
          <PasswordInput
            label="Signing secret"
            description={
              editing
                ? `${secretSet === true ? 'A secret is set. ' : ''}Leave empty to keep it; type a new one to replace it.`
                : `At least ${SECRET_MIN} characters; used to sign each request. It cannot be shown again.`
            }
            required={!editing}
            autoComplete="new-password"
            value={draft.secret}
            error={errors.secret}
            onChange={(e) => set({ secret: e.currentTarget.value })}
          />
        </>
      )}
      {draft.kind === 'email' && (
        <Textarea
          label="Recipients"
          description="One address a line, or separated by commas (at most 20)"
          required
          autosize
          minRows={2}
          value={draft.to}
          error={errors.to}
          onChange={(e) => set({ to: e.currentTarget.value })}
        />
      )}
      {draft.kind === 'ticket' && (
        <BoardSelect value={draft.boardId} onChange={(boardId) => set({ boardId })} error={errors.boardId} />
      )}
    </Stack>
  );
}

const KINDS = Object.keys(CHANNEL_KIND_LABELS) as ChannelKind[];

// A kind change starts that kind's fields empty (the name stays), so nothing of another kind is sent.
function ChannelKindChoice({ draft, onChange }: Pick<Props, 'draft' | 'onChange'>) {
  return (
    <Radio.Group
      label="Kind"
      value={draft.kind}
      onChange={(value) => {
        const kind = KINDS.find((k) => k === value);
        if (kind !== undefined) onChange({ ...emptyChannelDraft(kind), name: draft.name });
      }}
    >
      <Group gap="lg" mt="xs">
        {KINDS.map((kind) => (
          <Radio key={kind} value={kind} label={CHANNEL_KIND_LABELS[kind]} />
        ))}
      </Group>
    </Radio.Group>
  );
}

// The PSA's service boards (reconcile reads them from the PSA when asked).
function BoardSelect(props: { value: string; onChange: (boardId: string) => void; error: string | undefined }) {
  const boards = useTicketBoards();
  const data = [
    { value: '', label: boards.isPending ? 'Loading boards…' : 'Choose a board', disabled: true },
    ...(boards.data?.map((b) => ({ value: String(b.id), label: b.name })) ?? []),
  ];
  return (
    <NativeSelect
      label="Service board"
      description="Where the PSA tickets are filed"
      required
      data={data}
      value={props.value}
      error={props.error ?? (boards.isError ? `Could not load boards: ${errorMessage(boards.error)}` : undefined)}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    />
  );
}

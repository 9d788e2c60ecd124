import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { fieldErrors } from '../integrations/field-errors';
import { type AlertRule, useCreateRule, useUpdateRule } from './alerts-queries';
import { FormModal } from '../../ui/form-modal';
import { draftOfRule, emptyRuleDraft, RULE_FIELDS, ruleBodyOf, type RuleDraft, ruleDraftComplete } from './rule-draft';
import { RuleFields } from './rule-fields';

export function NewRuleButton() {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button size="xs" onClick={open}>
        New rule
      </Button>
      {/* Mounted only while open, so each opening starts from an empty form. */}
      {opened && <CreateRuleModal onClose={close} />}
    </>
  );
}

export function EditRuleButton({ rule }: { rule: AlertRule }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button size="xs" variant="default" onClick={open} aria-label={`Edit rule ${rule.name}`}>
        Edit
      </Button>
      {/* Mounted only while open, so each opening starts from the rule as stored. */}
      {opened && <EditRuleModal rule={rule} onClose={close} />}
    </>
  );
}

function CreateRuleModal({ onClose }: { onClose: () => void }) {
  const [draft, setDraft] = useState<RuleDraft>(emptyRuleDraft);
  const create = useCreateRule();
  const save = () =>
    create.mutate(ruleBodyOf(draft), {
      onSuccess: (saved) => {
        notifications.show({ color: 'green', title: 'Rule created', message: saved.name });
        onClose();
      },
    });
  return (
    <FormModal
      title="New alert rule"
      submitLabel="Create rule"
      canSubmit={ruleDraftComplete(draft)}
      pending={create.isPending}
      error={create.error}
      onSubmit={save}
      onClose={onClose}
    >
      <RuleFields draft={draft} onChange={setDraft} errors={fieldErrors(create.error, RULE_FIELDS)} />
    </FormModal>
  );
}

function EditRuleModal({ rule, onClose }: { rule: AlertRule; onClose: () => void }) {
  const [draft, setDraft] = useState<RuleDraft>(() => draftOfRule(rule));
  const update = useUpdateRule(rule.id);
  const save = () =>
    update.mutate(ruleBodyOf(draft), {
      onSuccess: (saved) => {
        notifications.show({ color: 'green', title: 'Rule saved', message: saved.name });
        onClose();
      },
    });
  return (
    <FormModal
      title={`Edit rule “${rule.name}”`}
      submitLabel="Save"
      canSubmit={ruleDraftComplete(draft)}
      pending={update.isPending}
      error={update.error}
      onSubmit={save}
      onClose={onClose}
    >
      <RuleFields draft={draft} onChange={setDraft} errors={fieldErrors(update.error, RULE_FIELDS)} />
    </FormModal>
  );
}

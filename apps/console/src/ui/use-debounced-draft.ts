import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';

// A text filter kept in the URL: the field shows what is typed at once, and the URL (hence the query) follows
// once typing pauses, so a search is not sent per keystroke. A value changed elsewhere (a link, Back) replaces
// the draft.
export function useDebouncedDraft(
  value: string | undefined,
  onCommit: (value: string | undefined) => void,
  delay = 300,
): [string, (draft: string) => void] {
  const [draft, setDraft] = useState(value ?? '');
  const [committed, setCommitted] = useState(value);
  if (value !== committed) {
    // Adjusting state while rendering (React's documented pattern for props that change): no effect needed.
    setCommitted(value);
    if ((value ?? '') !== draft.trim()) setDraft(value ?? '');
  }
  const commit = useDebouncedCallback((text: string) => {
    const trimmed = text.trim();
    onCommit(trimmed === '' ? undefined : trimmed);
  }, delay);
  const change = (next: string) => {
    setDraft(next);
    commit(next);
  };
  return [draft, change];
}

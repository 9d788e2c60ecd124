import { Badge, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  components: {
    // A badge names a state ("UNDER-BILLED", "PENDING"): in a crowded table cell it keeps its whole label
    // rather than shrinking to an ellipsis.
    Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' } } }),
  },
});

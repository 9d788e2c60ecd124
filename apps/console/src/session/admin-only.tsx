import type { ReactNode } from 'react';
import { useCanChange } from './session';

// Renders its children only for an admin session: controls that change things are absent for viewers,
// not merely disabled.
export function AdminOnly({ children }: { children: ReactNode }) {
  return useCanChange() ? <>{children}</> : null;
}

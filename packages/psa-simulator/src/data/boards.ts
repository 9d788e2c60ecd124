import type { Board } from './model';

const SERVICE = { id: 1, name: 'Service' };
const FINANCE = { id: 2, name: 'Finance' };
const PROJECTS = { id: 3, name: 'Projects' };

// The service boards every simulated CW site has. Fixed (not drawn from the seed) so adding them left every
// seeded world's other records unchanged; one inactive board and one project board exercise the refusals.
export function seededBoards(): Board[] {
  const board = (id: number, name: string, extra: Partial<Board> = {}): Board => ({
    id,
    name,
    inactive: false,
    projectFlag: false,
    location: { id: 1, name: 'Main' },
    department: SERVICE,
    ...extra,
  });
  return [
    board(1, 'Help Desk'),
    board(2, 'Billing', { department: FINANCE }),
    board(3, 'Alerts'),
    board(4, 'Professional Services', { projectFlag: true, department: PROJECTS }),
    board(5, 'Legacy Support', { inactive: true }),
  ];
}

import type { Board, Ticket, World } from '../data/model';
import { cwDate, type Json } from './serialize';

// ConnectWise's service models (BoardInfo and Ticket, field names as in CW's OpenAPI models). As elsewhere, null
// members are kept here for conditions and dropped by the response writer; `initialDescription` is POST-only in CW
// ("will not be returned in the response"), so it is never answered.

export function boardJson(b: Board): Json {
  return {
    id: b.id,
    name: b.name,
    location: { ...b.location },
    department: { ...b.department },
    projectFlag: b.projectFlag,
    inactiveFlag: b.inactive,
    _info: { lastUpdated: '2020-01-01T00:00:00Z', updatedBy: 'Admin1' },
  };
}

export function ticketJson(world: World, t: Ticket): Json {
  const board = world.boards.find((b) => b.id === t.boardId);
  const company = world.companyById.get(t.companyId);
  return {
    id: t.id,
    summary: t.summary,
    recordType: 'ServiceTicket',
    board: { id: t.boardId, name: board?.name ?? null },
    status: { id: 1, name: t.statusName },
    company: { id: t.companyId, identifier: company?.identifier ?? null, name: company?.name ?? null },
    externalXRef: t.externalXRef,
    severity: 'Medium',
    impact: 'Medium',
    closedFlag: false,
    _info: {
      lastUpdated: cwDate(t.lastUpdated),
      updatedBy: t.enteredBy,
      dateEntered: cwDate(t.dateEntered),
      enteredBy: t.enteredBy,
    },
  };
}

import { nextStamp, type Ticket, type World } from './model';

export interface NewTicket {
  summary: string;
  initialDescription: string;
  boardId: number;
  companyId: number;
  externalXRef: string | null;
}

// Files a service ticket (checked by the caller: company and an active service board exist), stamped like every
// mutation. Ticket ids count up from 1001 in filing order, so a run's ids depend only on its requests.
export function fileTicket(world: World, input: NewTicket, now: number, by: string): Ticket {
  const stamp = nextStamp(world, now);
  const ticket: Ticket = {
    id: 1001 + world.tickets.length,
    ...input,
    statusName: 'New',
    dateEntered: stamp,
    lastUpdated: stamp,
    enteredBy: by,
  };
  world.tickets.push(ticket);
  return ticket;
}

import { newTicket } from '../cw/new-ticket';
import { boardJson, ticketJson } from '../cw/service-json';
import { fileTicket } from '../data/tickets';
import { CwError } from '../errors';
import { countReply, listReply, numericId } from './list';
import type { Ctx, Reply, Route } from './route';

const boards = (ctx: Ctx) => ctx.world.boards.map(boardJson);
const tickets = (ctx: Ctx) => ctx.world.tickets.map((t) => ticketJson(ctx.world, t));
// Any board serves as the model prototype (there are always some); the ticket prototype is a made-up ticket so
// conditions on tickets validate before the first one is filed.
const ticketPrototype = (ctx: Ctx) =>
  ticketJson(ctx.world, {
    id: 0,
    summary: '',
    initialDescription: '',
    boardId: 0,
    companyId: 0,
    statusName: 'New',
    externalXRef: null,
    dateEntered: 0,
    lastUpdated: 0,
    enteredBy: '',
  });

function board(ctx: Ctx): Reply {
  const id = numericId(ctx.args[0], 'Board');
  const found = ctx.world.boards.find((b) => b.id === id);
  if (!found) throw CwError.notFound(`Board with id ${id} was not found.`);
  return { body: boardJson(found) };
}

function ticket(ctx: Ctx): Reply {
  const id = numericId(ctx.args[0], 'Ticket');
  const found = ctx.world.tickets.find((t) => t.id === id);
  if (!found) throw CwError.notFound(`Ticket with id ${id} was not found.`);
  return { body: ticketJson(ctx.world, found) };
}

// POST validates the whole body first (nothing is filed on a 400), then files the ticket and answers it (201).
function create(ctx: Ctx): Reply {
  const filed = fileTicket(ctx.world, newTicket(ctx.world, ctx.body), ctx.now, ctx.member);
  return { status: 201, body: ticketJson(ctx.world, filed) };
}

// The service module (CW's BoardsAPI and TicketsAPI): boards are read-only, tickets are listed, read and filed.
export const SERVICE_ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/service\/boards$/, handler: (c) => listReply(c, boards(c), boards(c)[0]) },
  { method: 'GET', pattern: /^\/service\/boards\/count$/, handler: (c) => countReply(c, boards(c), boards(c)[0]) },
  { method: 'GET', pattern: /^\/service\/boards\/([^/]+)$/, handler: board },
  { method: 'GET', pattern: /^\/service\/tickets$/, handler: (c) => listReply(c, tickets(c), ticketPrototype(c)) },
  {
    method: 'GET',
    pattern: /^\/service\/tickets\/count$/,
    handler: (c) => countReply(c, tickets(c), ticketPrototype(c)),
  },
  { method: 'POST', pattern: /^\/service\/tickets$/, handler: create },
  { method: 'GET', pattern: /^\/service\/tickets\/([^/]+)$/, handler: ticket },
];

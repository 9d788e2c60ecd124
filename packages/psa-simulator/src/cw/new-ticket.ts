import type { World } from '../data/model';
import type { NewTicket } from '../data/tickets';
import { CwError, type FieldError } from '../errors';

const RESOURCE = 'ticket';

function refId(value: unknown): number | null {
  if (typeof value !== 'object' || value === null) return null;
  const id = (value as Record<string, unknown>)['id'];
  return typeof id === 'number' && Number.isInteger(id) ? id : null;
}

// The board a ticket without one goes on: CW uses the member's default board; here the first active service board.
function defaultBoard(world: World): number | null {
  return world.boards.find((b) => !b.inactive && !b.projectFlag)?.id ?? null;
}

function checkBoard(world: World, value: unknown, fail: (field: string, message: string) => void): number | null {
  if (value === undefined) return defaultBoard(world);
  const id = refId(value);
  const board = id === null ? undefined : world.boards.find((b) => b.id === id);
  if (id === null) fail('board', 'board must be a reference ({"id": n}).');
  else if (!board) fail('board', `Board ${id} was not found.`);
  else if (board.inactive) fail('board', `Board ${board.name} is inactive.`);
  else if (board.projectFlag) fail('board', `Board ${board.name} is a project board; service tickets cannot go on it.`);
  return id;
}

function optionalText(b: Record<string, unknown>, field: string, max: number, fail: (f: string, m: string) => void) {
  const value = b[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length > max) {
    fail(field, `${field} must be text of at most ${max} characters.`);
  }
  return typeof value === 'string' ? value : null;
}

// The body of POST /service/tickets as CW's Ticket model requires it: `summary` (1–100 characters) and `company`
// ({id} of an existing company) required; `board` ({id} of an active service board; default the first one),
// `initialDescription` and `externalXRef` (≤ 100) optional. Every problem is reported at once (InvalidObject),
// and nothing is filed on any.
export function newTicket(world: World, body: unknown): NewTicket {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw CwError.badRequest('The request body must be a JSON object.');
  }
  const b = body as Record<string, unknown>;
  const errors: FieldError[] = [];
  const fail = (field: string, message: string): void => {
    errors.push({ code: 'InvalidField', message, resource: RESOURCE, field });
  };
  const summary = b['summary'];
  if (typeof summary !== 'string' || summary.trim() === '' || summary.length > 100) {
    fail('summary', 'summary is required: text of 1 to 100 characters.');
  }
  const companyId = refId(b['company']);
  if (companyId === null) fail('company', 'company is required ({"id": n}).');
  else if (!world.companyById.has(companyId)) fail('company', `Company ${companyId} was not found.`);
  const boardId = checkBoard(world, b['board'], fail);
  const initialDescription = optionalText(b, 'initialDescription', 1_000_000, fail);
  const externalXRef = optionalText(b, 'externalXRef', 100, fail);
  if (errors.length > 0 || boardId === null) {
    if (boardId === null && errors.length === 0) fail('board', 'No active service board exists.');
    throw CwError.invalidObject(RESOURCE, errors);
  }
  return {
    summary: String(summary),
    initialDescription: initialDescription ?? '',
    boardId,
    companyId: companyId ?? 0,
    externalXRef,
  };
}

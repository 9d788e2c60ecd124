import type { SortValue } from '@seatwise/platform/db/cursor';
import { escapeRegex } from '@seatwise/platform/db/regex';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { AppError, ErrorCodes } from '@seatwise/shared/errors/app-error';
import type { UserRow } from '../inventory/user-rows.repository';

type ListRequest = RpcInput<'discovery.users.list'>;

// The users list's filter on packed rows, as UsersQuery asks it of the server on the documents: the same status,
// removal, search (any case, in username, real name or email), enrolment and time ranges (after: at or after;
// before: strictly before).
export function rowFilter(request: ListRequest): (row: UserRow) => boolean {
  const tests: ((row: UserRow) => boolean)[] = [];
  const { status, removed, enrolled } = request;
  if (status !== undefined) tests.push((row) => row.status === status);
  if (removed !== undefined) tests.push((row) => (row.removedAt !== null) === removed);
  const q = request.q?.trim() ?? '';
  if (q !== '') {
    const pattern = new RegExp(escapeRegex(q), 'i');
    tests.push((row) => [row.username, row.realName, row.email].some((text) => text !== null && pattern.test(text)));
  }
  if (enrolled !== undefined) tests.push((row) => row.enrolled === enrolled);
  tests.push(...timeRange('lastSeen', request.lastSeenAfter, request.lastSeenBefore));
  tests.push(...timeRange('lastSuccess', request.lastSuccessAfter, request.lastSuccessBefore));
  return (row) => tests.every((test) => test(row));
}

function timeRange(
  field: 'lastSeen' | 'lastSuccess',
  after: string | undefined,
  before: string | undefined,
): ((row: UserRow) => boolean)[] {
  const tests: ((row: UserRow) => boolean)[] = [];
  if (after !== undefined) {
    const from = new Date(after).getTime();
    tests.push((row) => row[field] >= from);
  }
  if (before !== undefined) {
    const until = new Date(before).getTime();
    tests.push((row) => row[field] < until);
  }
  return tests;
}

// A row's value in a sort's field, typed as the document's (dates as dates, for the cursor).
const SORT_VALUES: Readonly<Record<string, (row: UserRow) => SortValue>> = {
  username: (row) => row.username,
  lastSeen: (row) => new Date(row.lastSeen),
  lastSuccess: (row) => new Date(row.lastSuccess),
  authCount: (row) => row.authCount,
  serviceCount: (row) => row.serviceCount,
};

export function sortValueOf(field: string): (row: UserRow) => SortValue {
  const valueOf = SORT_VALUES[field];
  if (!valueOf) throw new AppError(ErrorCodes.INTERNAL, `The users list has no packed sort field ${field}`);
  return valueOf;
}

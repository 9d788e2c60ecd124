import {
  CSRF_HEADER,
  SESSION_COOKIE,
  sessionCreateSchema,
  sessionViewSchema,
  sessionStateSchema,
} from '@seatwise/shared/contracts/gateway-api';
import { z } from 'zod';
import { defineRoute } from '../routing/route-definition';

const path = '/api/v1/session';
const tag = 'Session';

// Public routes: they read (or set) the session cookie themselves instead of passing the auth guard,
// so that a missing or expired session answers AUTH.SESSION_EXPIRED and signing out always works.
export const sessionRoutes = {
  signIn: defineRoute({
    method: 'POST',
    path,
    tag,
    summary: 'Sign in to the web console with an API key',
    description: [
      `Sets the HttpOnly cookie \`${SESSION_COOKIE}\` (SameSite=Strict; Secure over HTTPS), which then authenticates`,
      `requests like the key itself. Requests that change something send the answered csrfToken as \`${CSRF_HEADER}\`.`,
      'The session ends when it expires (expiresAt), at sign-out, or when its key is revoked.',
    ].join(' '),
    auth: false,
    problems: [401],
    body: sessionCreateSchema,
    response: sessionViewSchema,
  }),
  current: defineRoute({
    method: 'GET',
    path,
    tag,
    summary: "The session of this browser's cookie with its CSRF token, or null when signed out or expired",
    auth: false,
    response: sessionStateSchema,
  }),
  signOut: defineRoute({
    method: 'DELETE',
    path,
    tag,
    summary: `Sign out: ends the session and clears its cookie (send ${CSRF_HEADER}); answers 204 even without one`,
    auth: false,
    problems: [403],
    status: 204,
    response: z.undefined(),
  }),
};

import { Controller, Req, Res } from '@nestjs/common';
import {
  CSRF_HEADER,
  SESSION_COOKIE,
  type SessionState,
  type SessionView,
} from '@seatwise/shared/contracts/gateway-api';
import type { Request, Response } from 'express';
import { clearedCookie, sessionCookie } from '../auth/cookies';
import { SessionService } from '../auth/session.service';
import { sessionTokenOf } from '../auth/session-token';
import type { InputOf } from '../routing/route-definition';
import { ApiRoute } from '../routing/route.decorator';
import { Input } from '../routing/route-input';
import { sessionRoutes as routes } from './session.routes';

// The cookie is set here, at the HTTP edge; the session itself is SessionService's. req.secure is
// true over HTTPS (behind a proxy only with GATEWAY_TRUST_PROXY), so local plain-HTTP stacks still work.
@Controller()
export class SessionController {
  constructor(private readonly sessions: SessionService) {}

  @ApiRoute(routes.signIn)
  async signIn(
    @Input() { body }: InputOf<typeof routes.signIn>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionView> {
    const { token, view } = await this.sessions.signIn(body.apiKey, sessionTokenOf(req.headers.cookie));
    res.setHeader(
      'Set-Cookie',
      sessionCookie(SESSION_COOKIE, token, { maxAgeSeconds: this.sessions.maxAgeSeconds, secure: req.secure }),
    );
    return view;
  }

  @ApiRoute(routes.current)
  async current(@Input() _input: InputOf<typeof routes.current>, @Req() req: Request): Promise<SessionState> {
    return { session: await this.sessions.find(sessionTokenOf(req.headers.cookie)) };
  }

  @ApiRoute(routes.signOut)
  async signOut(
    @Input() _input: InputOf<typeof routes.signOut>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.sessions.signOut(sessionTokenOf(req.headers.cookie), req.get(CSRF_HEADER));
    res.setHeader('Set-Cookie', clearedCookie(SESSION_COOKIE, req.secure));
  }
}

import type { NextFunction, Request, RequestHandler, Response } from 'express';

// API answers carry one customer's accounts, users and PSA data, and change at every batch: no browser or proxy
// keeps a copy (`no-store`, as OWASP's REST guidance asks for sensitive answers), so there is nothing to
// revalidate and no ETag to compute either (Express hashed every JSON body for one: about 3% of a list
// request's CPU in the gateway bench). A route that streams (SSE) sets its own Cache-Control over this one.
export function apiNoStore(): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
}

// The one async wrapper: a handler returns what to send; errors go to the single error handler.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Actor } from './services/centre-scoped-service.ts';

export interface Reply {
  status?: number;
  body?: unknown;
  /** Response headers, e.g. Location of a 201 or a Content-Type other than application/json. */
  headers?: Record<string, string>;
}

export function handle(work: (req: Request) => Promise<Reply>): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const { status = 200, body, headers } = await work(req);
      if (headers) res.set(headers);
      if (body === undefined) res.status(status).end();
      else res.status(status).json(body);
    } catch (error) {
      next(error);
    }
  };
}

/** Who is acting, for the audit log: the x-actor header, else 'api'. */
export function actorOf(req: Request): Actor {
  const header = req.get('x-actor')?.trim();
  return { name: header ? header.slice(0, 200) : 'api' };
}

/** A route parameter (Express 5 types them loosely). */
export function param(req: Request, name: string): string {
  return String((req.params as Record<string, string>)[name]);
}

/** Aborts when the client goes away before the reply is sent: a solve it asked for is cancelled. */
export function clientGone(req: Request): AbortSignal {
  const controller = new AbortController();
  req.res?.on('close', () => {
    if (!req.res!.writableFinished) controller.abort();
  });
  return controller.signal;
}

// Like handle() (../handle.ts), for plan routes whose replies carry headers (ETag, Location).
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export interface PlanReply {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function handlePlan(work: (req: Request) => Promise<PlanReply>): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const { status = 200, body, headers = {} } = await work(req);
      for (const [name, value] of Object.entries(headers)) res.set(name, value);
      res.status(status).json(body);
    } catch (error) {
      next(error);
    }
  };
}

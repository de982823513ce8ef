import { ForbiddenException, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ApiConfig } from '../config';

/**
 * CORS for the codec endpoint: the Temporal Web UI calls it from the browser, from its own
 * origin, with the operator's session cookie ("Include cross-origin credentials" in the UI's
 * codec settings). Only the origins of TEMPORAL_UI_ORIGIN are allowed, each named exactly
 * (with credentials a wildcard is not allowed anyway); the preflight is answered here, before
 * the session guard, as browsers send it without cookies. A request from any other browser
 * origin is refused; clients without an Origin header (the temporal CLI) are not affected.
 */
@Injectable()
export class TemporalCodecCorsMiddleware implements NestMiddleware {
  private readonly own: string;

  constructor(private readonly config: ApiConfig) {
    this.own = new URL(config.publicUrl).origin;
  }

  use(req: Request, res: Response, next: NextFunction): void {
    res.vary('Origin');
    const origin = req.headers.origin;
    const allowed = origin !== undefined && this.config.temporalUiOrigins.includes(origin);
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    if (req.method === 'OPTIONS') {
      if (!allowed) throw this.refusal(origin);
      res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, X-Namespace, Authorization');
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    if (origin !== undefined && !allowed && origin !== this.own) throw this.refusal(origin);
    next();
  }

  private refusal(origin: string | undefined): ForbiddenException {
    return new ForbiddenException({
      statusCode: 403,
      error: 'Forbidden',
      message: `The origin ${origin ?? '(none)'} may not call the codec endpoint: add it to TEMPORAL_UI_ORIGIN`,
    });
  }
}

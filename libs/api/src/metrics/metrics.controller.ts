import {
  Controller,
  Get,
  Headers,
  NotFoundException,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { bearerMatches } from '@jaarcyclus/config';
import type { Response } from 'express';
import { Public } from '../auth/decorators';
import { ApiConfig } from '../config';
import { MetricsService } from './metrics.service';

/**
 * `GET /metrics` in the Prometheus text format, for a scraper holding METRICS_TOKEN
 * (`Authorization: Bearer <token>`). Without METRICS_TOKEN configured there is no endpoint
 * (404): the counts of cycles and sign-ins are the operator's, not the public's.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly config: ApiConfig,
    private readonly metrics: MetricsService,
  ) {}

  @Public()
  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const token = this.config.metricsToken;
    if (token === null) throw new NotFoundException();
    if (!bearerMatches(authorization, token)) {
      res.set('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new UnauthorizedException('METRICS_TOKEN required as a bearer token');
    }
    const { contentType, body } = await this.metrics.scrape();
    res.status(200).set('Content-Type', contentType).set('Cache-Control', 'no-store').send(body);
  }
}

import { Controller, Get, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { HealthRepository, OutboxRepository } from '@jaarcyclus/persistence';
import type { Response } from 'express';
import { Public } from '../auth/decorators';
import { MAIL_TROUBLE_MINUTES } from './mail-trouble';
import { TemporalClientHolder } from '../temporal/temporal-client.holder';

export class HealthDto {
  @ApiProperty({
    enum: ['ok', 'degraded'],
    description:
      "degraded: the database is up but Temporal is not (cycles can't advance), or the mail relay keeps refusing mail",
  })
  status!: 'ok' | 'degraded';

  @ApiProperty({ enum: ['up', 'down'] })
  database!: 'up' | 'down';

  @ApiProperty({ enum: ['up', 'down'] })
  temporal!: 'up' | 'down';

  @ApiProperty({
    enum: ['ok', 'retrying', 'unknown'],
    description:
      'retrying: mail failed in the last 15 minutes and is being retried (relay down, refusing, or its login failing); unknown: the database is down',
  })
  mail!: 'ok' | 'retrying' | 'unknown';
}

const DATABASE_TIMEOUT_MS = 2_000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: HealthRepository,
    private readonly outbox: OutboxRepository,
    private readonly temporal: TemporalClientHolder,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'The database is down' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    const [databaseUp, temporalUp] = await Promise.all([
      this.databaseUp(),
      this.temporal.isReachable(),
    ]);
    const mail = databaseUp ? await this.mailState() : 'unknown';
    res.status(databaseUp ? 200 : 503).set('Cache-Control', 'no-store');
    return {
      status: databaseUp && temporalUp && mail === 'ok' ? 'ok' : 'degraded',
      database: databaseUp ? 'up' : 'down',
      temporal: temporalUp ? 'up' : 'down',
      mail,
    };
  }

  /** Counts only (no addresses, no errors): /health answers without a session. */
  private async mailState(): Promise<HealthDto['mail']> {
    try {
      const trouble = await this.outbox.retrying(null, MAIL_TROUBLE_MINUTES);
      return trouble.count > 0 ? 'retrying' : 'ok';
    } catch {
      return 'unknown';
    }
  }

  private async databaseUp(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), DATABASE_TIMEOUT_MS);
    });
    try {
      return await Promise.race([
        this.database.ping().then(
          () => true,
          () => false,
        ),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}

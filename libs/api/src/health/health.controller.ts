import { Controller, Get, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { OutboxService } from '@jaarcyclus/mail';
import { HealthRepository, OutboxRepository } from '@jaarcyclus/persistence';
import type { Response } from 'express';
import { Public } from '../auth/decorators';
import { MAIL_TROUBLE_MINUTES } from './mail-trouble';
import { TemporalClientHolder } from '../temporal/temporal-client.holder';

export class OutboxHealthDto {
  @ApiProperty({ description: 'Stored mails not yet accepted by SMTP (retried)' })
  pending!: number;

  @ApiProperty({ description: 'Mails refused permanently (SMTP 5xx)' })
  failed!: number;

  @ApiProperty({ description: 'Seconds since the oldest unsent mail was stored (0: none)' })
  oldestUnsentAgeSeconds!: number;
}

export class HealthDto {
  @ApiProperty({
    enum: ['ok', 'degraded'],
    description:
      "degraded: the database is up but Temporal or SMTP is not (cycles can't advance, or mails wait in the outbox), or the mail relay keeps refusing mail",
  })
  status!: 'ok' | 'degraded';

  @ApiProperty({ enum: ['up', 'down'] })
  database!: 'up' | 'down';

  @ApiProperty({ enum: ['up', 'down'] })
  temporal!: 'up' | 'down';

  @ApiProperty({
    enum: ['up', 'down', 'unknown'],
    description: 'Whether the SMTP server greets (checked at most every 15 s)',
  })
  smtp!: 'up' | 'down' | 'unknown';

  @ApiProperty({
    type: OutboxHealthDto,
    nullable: true,
    description: 'null while the database is down',
  })
  outbox!: OutboxHealthDto | null;

  @ApiProperty({
    enum: ['ok', 'retrying', 'unknown'],
    description:
      'retrying: mail failed in the last 15 minutes and is being retried (relay down, refusing, or its login failing); unknown: the database is down',
  })
  mail!: 'ok' | 'retrying' | 'unknown';
}

const DATABASE_TIMEOUT_MS = 2_000;
/** An SMTP probe opens a connection: its answer is reused for this long. */
const SMTP_PROBE_TTL_MS = 15_000;

/**
 * Probes for a supervisor (Kubernetes, docker-compose, `npm start`):
 * - `GET /health/live`: the process answers HTTP (restart it if not); no dependency is asked.
 * - `GET /health/ready` (and `GET /health`, the same): 200 when the database answers, so the
 *   api can serve; 503 when it does not (take it out of the load balancer). The body tells
 *   Temporal's and SMTP's state and the outbox backlog: either down makes it `degraded`, not
 *   unready (reads and sign-in still work; mails wait in the outbox).
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  private smtpProbe: { at: number; result: Promise<boolean | null> } | null = null;

  constructor(
    private readonly database: HealthRepository,
    private readonly mailOutbox: OutboxRepository,
    private readonly temporal: TemporalClientHolder,
    private readonly outbox: OutboxService,
  ) {}

  @Public()
  @Get('live')
  @ApiOkResponse({ description: 'The process answers' })
  live(@Res({ passthrough: true }) res: Response): { status: 'live' } {
    res.set('Cache-Control', 'no-store');
    return { status: 'live' };
  }

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'The database is down' })
  health(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    return this.ready(res);
  }

  @Public()
  @Get('ready')
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'The database is down' })
  async ready(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    const [backlog, temporalUp, smtpUp] = await Promise.all([
      this.withTimeout(this.database.outboxBacklog()),
      this.temporal.isReachable(),
      this.smtpUp(),
    ]);
    const databaseUp = backlog !== null;
    const mail = databaseUp ? await this.mailState() : 'unknown';
    res.status(databaseUp ? 200 : 503).set('Cache-Control', 'no-store');
    const smtp = smtpUp === null ? 'unknown' : smtpUp ? 'up' : 'down';
    return {
      status: databaseUp && temporalUp && smtp !== 'down' && mail === 'ok' ? 'ok' : 'degraded',
      database: databaseUp ? 'up' : 'down',
      temporal: temporalUp ? 'up' : 'down',
      smtp,
      mail,
      outbox: backlog,
    };
  }

  /** Counts only (no addresses, no errors): /health answers without a session. */
  private async mailState(): Promise<HealthDto['mail']> {
    try {
      const trouble = await this.mailOutbox.retrying(null, MAIL_TROUBLE_MINUTES);
      return trouble.count > 0 ? 'retrying' : 'ok';
    } catch {
      return 'unknown';
    }
  }

  private smtpUp(): Promise<boolean | null> {
    const now = Date.now();
    if (!this.smtpProbe || now - this.smtpProbe.at > SMTP_PROBE_TTL_MS) {
      this.smtpProbe = { at: now, result: this.outbox.transportReachable() };
    }
    return this.smtpProbe.result;
  }

  /** The query's result, or null when it fails or takes longer than DATABASE_TIMEOUT_MS. */
  private async withTimeout<T>(query: Promise<T>): Promise<T | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), DATABASE_TIMEOUT_MS);
    });
    try {
      return await Promise.race([query.catch(() => null), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

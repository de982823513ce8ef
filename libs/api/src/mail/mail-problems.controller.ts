import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { OutboxRepository } from '@jaarcyclus/persistence';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { CurrentPerson, READ_ROLES, Roles } from '../auth/decorators';
import { SESSION_COOKIE } from '../auth/session.guard';
import { ErrorResponseDto } from '../common/api-errors';
import { pageOf, PageQueryDto } from '../common/pagination';
import { MAIL_TROUBLE_MINUTES } from '../health/mail-trouble';

export class RefusedMailDto {
  @ApiProperty({ description: 'Names the cycle, step and recipient: `<workflowId>:<step>:<id>`' })
  idempotencyKey!: string;
  @ApiProperty()
  to!: string;
  @ApiProperty()
  subject!: string;
  @ApiProperty({ description: "The SMTP server's reply" })
  reason!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  at!: string | null;
}

export class MailRetryingDto {
  @ApiProperty({ description: 'Mails of the SWV being retried because the relay refused them' })
  count!: number;
  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  since!: string | null;
  @ApiPropertyOptional({ nullable: true, description: "The relay's last reply" })
  lastError!: string | null;
}

export class MailProblemsDto {
  @ApiProperty({ type: MailRetryingDto })
  retrying!: MailRetryingDto;
  @ApiProperty({
    type: [RefusedMailDto],
    description: 'Addresses refused for good (e.g. unknown mailbox), newest first; paginated',
  })
  refused!: RefusedMailDto[];
}

/**
 * What the secretariat must know about the SWV's mail (issue #14): nothing may be dropped
 * silently. A recipient whose address is refused for good is listed here (and the cycle carries
 * on); mail the relay refuses (down, login failed, policy) is retried with backoff and counted
 * here and in /health until it goes out.
 */
@ApiTags('mail')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@Controller('api/mail-problems')
export class MailProblemsController {
  constructor(private readonly outbox: OutboxRepository) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: MailProblemsDto })
  async list(
    @CurrentPerson() me: AuthenticatedPerson,
    @Query() query: PageQueryDto,
  ): Promise<MailProblemsDto> {
    const [retrying, refused] = await Promise.all([
      this.outbox.retrying(me.organisationId, MAIL_TROUBLE_MINUTES),
      this.outbox.refusedRecipients(me.organisationId, pageOf(query)),
    ]);
    return {
      retrying: {
        count: retrying.count,
        since: retrying.since?.toISOString() ?? null,
        lastError: retrying.lastError,
      },
      refused: refused.map((r) => ({ ...r, at: r.at?.toISOString() ?? null })),
    };
  }
}

import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { OnboardingRepository } from '@jaarcyclus/persistence';
import { AuthService } from '@jaarcyclus/api/auth/auth.service';
import { flattenValidationErrors } from '@jaarcyclus/api/common/validation';
import type { ApiConfig } from '@jaarcyclus/api/config';
import type { MailDispatcher } from '@jaarcyclus/api/mail/mail-dispatcher';
import type { OutboxService } from '@jaarcyclus/mail';
import { OnboardOrganisationDto } from '@jaarcyclus/api/platform/dto/onboarding.dto';
import { OnboardingService } from '@jaarcyclus/api/platform/onboarding.service';
import { AuthRepository } from '@jaarcyclus/persistence';
import type { DataSource } from 'typeorm';

export const PLATFORM_USAGE =
  'usage: platform grant <email> | platform revoke <email> | platform list | platform onboard <file.json>';

/** What `onboard` needs besides the database: the sign-in mail goes out as from the api. */
export interface PlatformMail {
  config: ApiConfig;
  dispatcher: MailDispatcher;
  outbox: OutboxService;
}

/**
 * The platform role `platform_admin` (may onboard new SWVs) is granted and revoked only here, by
 * whoever runs the service, never through an SWV's own administration (as `operator`, see
 * operator-command.ts); `onboard` creates an SWV from a JSON file of the same shape as
 * POST /api/platform/organisations, checked by the same DTO, and mails its administrator a
 * sign-in link. Returns what it did, in one line.
 */
export async function platformCommand(
  ds: DataSource,
  args: string[],
  readFile: (path: string) => Promise<string>,
  mail: () => PlatformMail,
): Promise<string> {
  const [command, arg] = args;
  const repo = new OnboardingRepository(ds);
  if (command === 'list' && args.length === 1) {
    const rows = await repo.withPlatformRole('platform_admin');
    return rows.length
      ? `platform administrators: ${rows.map((r) => `${r.email} (${r.slug})`).join(', ')}`
      : 'no platform administrators';
  }
  if (!arg || args.length !== 2) throw new Error(PLATFORM_USAGE);
  if (command === 'grant' || command === 'revoke') {
    const email = arg.trim().toLowerCase();
    const { found, active } = await repo.setPlatformRole(
      email,
      'platform_admin',
      command === 'grant',
    );
    if (!found) throw new Error(`no person with the e-mail address ${email}`);
    return command === 'grant'
      ? `${email} is a platform administrator${active ? '' : ' (but inactive: cannot sign in)'}`
      : `${email} is not a platform administrator`;
  }
  if (command !== 'onboard') throw new Error(PLATFORM_USAGE);
  let plain: unknown;
  try {
    plain = JSON.parse(await readFile(arg));
  } catch (err) {
    throw new Error(
      `${arg}: not a JSON file (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  const dto = plainToInstance(OnboardOrganisationDto, plain);
  const errors = await validate(dto, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  if (errors.length > 0) {
    throw new Error(
      flattenValidationErrors(errors)
        .map((e) => e.message)
        .join('; '),
    );
  }
  const { config, dispatcher, outbox } = mail();
  const service = new OnboardingService(
    repo,
    new AuthService(new AuthRepository(ds), dispatcher, outbox, config),
  );
  const created = await service.onboard(dto);
  await dispatcher.settled();
  return `onboarded ${created.slug} (${created.id}) with bodies ${Object.keys(created.bodies).join(', ')}; a sign-in link went to ${dto.administrator.email}`;
}

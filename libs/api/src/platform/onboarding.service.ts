import { Injectable } from '@nestjs/common';
import { DomainError } from '@jaarcyclus/domain';
import { OnboardingRepository, type OrganisationSettings } from '@jaarcyclus/persistence';
import { AuthService } from '../auth/auth.service';
import { checkedVotingRule } from '../bodies/bodies.service';
import type { OnboardedOrganisationDto, OnboardOrganisationDto } from './dto/onboarding.dto';

/**
 * Onboarding an SWV (issue #15), for a platform administrator: the SWV, its bodies and its first
 * administrator in one transaction, then a sign-in link to that administrator, sent as every
 * sign-in link is (AuthService: the token only in memory, a placeholder in the outbox). The
 * administrator then adds, or imports from CSV, the boards, schools and people.
 */
@Injectable()
export class OnboardingService {
  constructor(
    private readonly onboarding: OnboardingRepository,
    private readonly auth: AuthService,
  ) {}

  async onboard(input: OnboardOrganisationDto): Promise<OnboardedOrganisationDto> {
    const keys = input.bodies.map((b) => b.key);
    if (new Set(keys).size !== keys.length) {
      throw DomainError.of('RULE_VIOLATION', 'bodies', 'onboarding.duplicateBodyKeys', {
        field: 'bodies',
      });
    }
    const bodies = input.bodies.map((b, i) => {
      try {
        return {
          key: b.key,
          name: b.name,
          decisionKind: b.decisionKind,
          votingRule: checkedVotingRule(b.votingRule),
          voteSecrecy: b.voteSecrecy ?? null,
        };
      } catch (err) {
        if (err instanceof DomainError) {
          throw new DomainError(
            err.code,
            err.message,
            `bodies[${i}].${err.field ?? 'votingRule'}`,
            err.text,
          );
        }
        throw err;
      }
    });
    const settings = Object.fromEntries(
      Object.entries(input.settings ?? {}).filter(([, v]) => v !== null && v !== undefined),
    ) as OrganisationSettings;
    const created = await this.onboarding.onboard({
      slug: input.slug,
      name: input.name,
      sector: input.sector,
      region: input.region,
      settings,
      bodies,
      administrator: {
        name: input.administrator.name,
        email: input.administrator.email,
        locale: input.administrator.locale ?? 'nl',
      },
    });
    await this.auth.requestLogin(input.administrator.email);
    return {
      id: created.organisationId,
      slug: input.slug,
      name: input.name.trim(),
      administratorId: created.administratorId,
      bodies: created.bodyIds,
    };
  }
}

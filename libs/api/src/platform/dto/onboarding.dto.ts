import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { VOTE_SECRECY_VALUES, type VoteSecrecy } from '@jaarcyclus/domain';
import { LOCALES, type Locale } from '@jaarcyclus/i18n';
import {
  DECISION_KINDS,
  SCHOOL_REGIONS,
  SECTORS,
  type DecisionKind,
  type SchoolRegion,
  type Sector,
} from '@jaarcyclus/persistence';
import { VotingRuleDto } from '../../bodies/dto/voting-rule.dto';
import { OrganisationSettingsDto } from '../../organisation/dto/organisation.dto';
import {
  IsEmailAddress,
  IsName,
  IsOptionalNotNull,
  IsOptionalOrNull,
  says,
} from '../../common/validation';

export class OnboardingBodyDto {
  @ApiProperty({
    example: 'ab',
    description: "Stable key the cycles refer to: 'alv', 'rvt', 'opr', 'ab' …",
  })
  @Matches(/^[a-z][a-z0-9_-]{0,39}$/, says('validation.newBodyKey'))
  key!: string;

  @ApiProperty({ example: 'Algemeen Bestuur', maxLength: 200 })
  @IsName()
  name!: string;

  @ApiProperty({ enum: DECISION_KINDS })
  @IsIn(DECISION_KINDS, says('validation.notOneOf', { options: DECISION_KINDS.join(', ') }))
  decisionKind!: DecisionKind;

  @ApiProperty({ type: VotingRuleDto })
  @IsObject(says('validation.notAnObject'))
  @ValidateNested(says('validation.notNested'))
  @Type(() => VotingRuleDto)
  votingRule!: VotingRuleDto;

  @ApiPropertyOptional({
    enum: VOTE_SECRECY_VALUES,
    nullable: true,
    description:
      'Who sees which votes (as on PUT /api/bodies/{id}); absent or null: the default of the decision kind',
  })
  @IsOptionalOrNull()
  @IsIn(
    VOTE_SECRECY_VALUES,
    says('validation.notOneOf', { options: VOTE_SECRECY_VALUES.join(', ') }),
  )
  voteSecrecy?: VoteSecrecy | null;
}

export class OnboardingAdministratorDto {
  @ApiProperty({ example: 'Ilse Dekker', maxLength: 200 })
  @IsName()
  name!: string;

  @ApiProperty({ example: 'beheer@swv-duinrand.example', description: 'Receives a sign-in link' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @IsEmailAddress()
  @MaxLength(320, says('validation.tooLong', { max: 320 }))
  email!: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'nl' })
  @IsOptionalNotNull()
  @IsIn(LOCALES, says('validation.notOneOf', { options: LOCALES.join(', ') }))
  locale?: Locale;
}

/** A new SWV (issue #15): who it is, where its schools' holidays fall, how it decides, who runs it. */
export class OnboardOrganisationDto {
  @ApiProperty({ example: 'Samenwerkingsverband VO Duinrand', maxLength: 200 })
  @IsName()
  name!: string;

  @ApiProperty({
    example: 'vo-duinrand',
    description: 'Unique over the platform; lower case and dashes',
  })
  @Matches(/^(?=.{1,60}$)[a-z0-9]+(-[a-z0-9]+)*$/, says('onboarding.slug'))
  slug!: string;

  @ApiProperty({ enum: SECTORS, description: 'po (primary) or vo (secondary education)' })
  @IsIn(SECTORS, says('validation.notOneOf', { options: SECTORS.join(', ') }))
  sector!: Sector;

  @ApiProperty({ enum: SCHOOL_REGIONS, description: 'School-holiday region of its schools' })
  @IsIn(SCHOOL_REGIONS, says('validation.notOneOf', { options: SCHOOL_REGIONS.join(', ') }))
  region!: SchoolRegion;

  @ApiPropertyOptional({ type: OrganisationSettingsDto, description: 'Absent: every default' })
  @IsOptionalNotNull()
  @IsObject(says('validation.notAnObject'))
  @ValidateNested(says('validation.notNested'))
  @Type(() => OrganisationSettingsDto)
  settings?: OrganisationSettingsDto;

  @ApiProperty({
    type: [OnboardingBodyDto],
    description:
      'Its bodies with their decision kinds and voting rules; members come with its people',
  })
  @IsArray(says('validation.notAnArray'))
  @ArrayMinSize(1, says('onboarding.noBodies'))
  @ArrayMaxSize(20, says('validation.atMostEntries', { max: 20 }))
  @ValidateNested(says('validation.notNestedEach', {}, { each: true }))
  @Type(() => OnboardingBodyDto)
  bodies!: OnboardingBodyDto[];

  @ApiProperty({ type: OnboardingAdministratorDto })
  @IsObject(says('validation.notAnObject'))
  @ValidateNested(says('validation.notNested'))
  @Type(() => OnboardingAdministratorDto)
  administrator!: OnboardingAdministratorDto;
}

export class OnboardedOrganisationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  slug!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ format: 'uuid' })
  administratorId!: string;

  @ApiProperty({ description: 'Body ids by key' })
  bodies!: Record<string, string>;
}

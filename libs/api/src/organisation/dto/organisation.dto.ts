import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  SCHOOL_REGIONS,
  SECTORS,
  type Organisation,
  type OrganisationSettings,
  type SchoolRegion,
  type Sector,
} from '@jaarcyclus/persistence';
import {
  IsName,
  IsOptionalNotNull,
  IsOptionalOrNull,
  IsPositiveInt,
  says,
} from '../../common/validation';

/**
 * Business days before a deadline, as a setting: at most 10 distinct whole numbers from `min`
 * to 60; null restores the default. Every message names `field`.
 */
function BusinessDayOffsets(min: number): PropertyDecorator {
  const range = (each: boolean) => says('validation.offsetsRange', { min, max: 60 }, { each });
  return applyDecorators(
    IsOptionalOrNull(),
    IsArray(range(false)),
    ArrayMaxSize(10, says('validation.atMostEntries', { max: 10 })),
    ArrayUnique(says('validation.duplicates')),
    IsInt(range(true)),
    Min(min, range(true)),
    Max(60, range(true)),
  );
}

/**
 * The SWV's reserve rule (docs/domain.md §1: 001 steers on 2% with OCW's 3.5% as maximum; 004
 * keeps its reserve below 3.5% and at most EUR 300,000 in 2025). Percentages in basis points.
 */
export class ReserveRuleDto {
  @ApiProperty({ minimum: 0, maximum: 10_000, example: 200, description: 'Target: 200 = 2%' })
  @IsInt(says('governance.reservePercentage'))
  @Min(0, says('governance.reservePercentage'))
  @Max(10_000, says('governance.reservePercentage'))
  targetBasisPoints!: number;

  @ApiProperty({ minimum: 0, maximum: 10_000, example: 350, description: 'Maximum: 350 = 3.5%' })
  @IsInt(says('governance.reservePercentage'))
  @Min(0, says('governance.reservePercentage'))
  @Max(10_000, says('governance.reservePercentage'))
  ceilingBasisPoints!: number;

  @ApiProperty({
    minimum: 1,
    maximum: 10,
    example: 1,
    description: 'Years a shortfall is made up over',
  })
  @IsInt(says('governance.reserveRecoveryYears'))
  @Min(1, says('governance.reserveRecoveryYears'))
  @Max(10, says('governance.reserveRecoveryYears'))
  recoveryYears!: number;

  @ApiPropertyOptional({
    nullable: true,
    example: 30_000_000,
    description: 'The most the reserve may hold, in euro cents; null: no cap',
  })
  @IsOptionalOrNull()
  @IsInt(says('governance.reserveCap'))
  @Min(0, says('governance.reserveCap'))
  capCents?: number | null;

  @ApiPropertyOptional({
    nullable: true,
    example: 2025,
    description: 'First budget year the cap holds for; null: every year',
  })
  @IsOptionalOrNull()
  @IsInt(says('governance.reserveCapYear'))
  @Min(2000, says('governance.reserveCapYear'))
  @Max(2100, says('governance.reserveCapYear'))
  capFromYear?: number | null;
}

export class OrganisationSettingsDto {
  @ApiPropertyOptional({
    type: [Number],
    example: [10, 5, 2],
    description:
      'Business days before a budget vote deadline on which reminders are sent; null restores the default',
    nullable: true,
  })
  @BusinessDayOffsets(0)
  reminderOffsetsBusinessDays?: number[] | null;

  @ApiPropertyOptional({
    type: [Number],
    example: [14, 7, 1],
    description:
      'Business days before 1 February on which schools that have not submitted their accountability are reminded (default 14, 7 and 1); a cycle started with its own offsets keeps those; null restores the default',
    nullable: true,
  })
  @BusinessDayOffsets(1)
  accountabilityReminderOffsetsBusinessDays?: number[] | null;

  @ApiPropertyOptional({
    minimum: 1,
    nullable: true,
    description:
      'After this many rejected OPR rounds the dispute goes to the Commissie voor Geschillen (docs/domain.md, source 001 §1.5); null restores the default',
  })
  @IsOptionalOrNull()
  @IsPositiveInt()
  opRDisputeAfterRounds?: number | null;

  @ApiPropertyOptional({
    type: ReserveRuleDto,
    nullable: true,
    description:
      'The reserve rule of the allocation letters; null restores the default (target 2%, maximum 3.5%, a shortfall made up in 1 year, no cap)',
  })
  @IsOptionalOrNull()
  @IsObject(says('validation.notAnObject'))
  @ValidateNested(says('validation.notNested'))
  @Type(() => ReserveRuleDto)
  reserveRule?: ReserveRuleDto | null;
}

export class UpdateOrganisationDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull()
  @IsName()
  name?: string;

  @ApiPropertyOptional({ enum: SCHOOL_REGIONS, description: 'School holiday region' })
  @IsOptionalNotNull()
  @IsIn(SCHOOL_REGIONS, says('validation.notOneOf', { options: SCHOOL_REGIONS.join(', ') }))
  region?: SchoolRegion;

  @ApiPropertyOptional({ enum: SECTORS })
  @IsOptionalNotNull()
  @IsIn(SECTORS, says('validation.notOneOf', { options: SECTORS.join(', ') }))
  sector?: Sector;

  @ApiPropertyOptional({
    type: OrganisationSettingsDto,
    description: 'Only the given settings change',
  })
  @IsOptionalNotNull()
  @IsObject(says('validation.notAnObject'))
  @ValidateNested(says('validation.notNested'))
  @Type(() => OrganisationSettingsDto)
  settings?: OrganisationSettingsDto;
}

export class OrganisationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'stadsring' })
  slug!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: SCHOOL_REGIONS })
  region!: SchoolRegion;

  @ApiProperty({ enum: SECTORS })
  sector!: Sector;

  @ApiProperty({ type: OrganisationSettingsDto })
  settings!: OrganisationSettings;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  static from(o: Organisation): OrganisationDto {
    return {
      id: o.id,
      slug: o.slug,
      name: o.name,
      region: o.region,
      sector: o.sector,
      settings: o.settings,
      createdAt: o.createdAt,
    };
  }
}

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

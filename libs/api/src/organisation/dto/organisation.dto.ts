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
} from '../../common/validation';

/**
 * Business days before a deadline, as a setting: at most 10 distinct whole numbers from `min`
 * to 60; null restores the default. Every message names `field`.
 */
function BusinessDayOffsets(field: string, min: number): PropertyDecorator {
  const message = `${field} must be an array of whole numbers from ${min} to 60`;
  return applyDecorators(
    IsOptionalOrNull(),
    IsArray({ message }),
    ArrayMaxSize(10, { message: `${field} must contain at most 10 entries` }),
    ArrayUnique({ message: `${field} must not contain duplicates` }),
    IsInt({ each: true, message }),
    Min(min, { each: true, message }),
    Max(60, { each: true, message }),
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
  @BusinessDayOffsets('reminderOffsetsBusinessDays', 0)
  reminderOffsetsBusinessDays?: number[] | null;

  @ApiPropertyOptional({
    type: [Number],
    example: [14, 7, 1],
    description:
      'Business days before 1 February on which schools that have not submitted their accountability are reminded (default 14, 7 and 1); a cycle started with its own offsets keeps those; null restores the default',
    nullable: true,
  })
  @BusinessDayOffsets('accountabilityReminderOffsetsBusinessDays', 1)
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
  @IsIn(SCHOOL_REGIONS, { message: `region must be one of: ${SCHOOL_REGIONS.join(', ')}` })
  region?: SchoolRegion;

  @ApiPropertyOptional({ enum: SECTORS })
  @IsOptionalNotNull()
  @IsIn(SECTORS, { message: `sector must be one of: ${SECTORS.join(', ')}` })
  sector?: Sector;

  @ApiPropertyOptional({
    type: OrganisationSettingsDto,
    description: 'Only the given settings change',
  })
  @IsOptionalNotNull()
  @IsObject({ message: 'settings must be an object' })
  @ValidateNested()
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

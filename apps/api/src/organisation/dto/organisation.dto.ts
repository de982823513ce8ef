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

export class OrganisationSettingsDto {
  @ApiPropertyOptional({
    type: [Number],
    example: [10, 5, 2],
    description:
      'Business days before a deadline on which reminders are sent; null restores the default',
    nullable: true,
  })
  @IsOptionalOrNull()
  @IsArray({
    message: 'reminderOffsetsBusinessDays must be an array of whole numbers from 0 to 60',
  })
  @ArrayMaxSize(10, { message: 'reminderOffsetsBusinessDays must contain at most 10 entries' })
  @ArrayUnique({ message: 'reminderOffsetsBusinessDays must not contain duplicates' })
  @IsInt({
    each: true,
    message: 'reminderOffsetsBusinessDays must be an array of whole numbers from 0 to 60',
  })
  @Min(0, {
    each: true,
    message: 'reminderOffsetsBusinessDays must be an array of whole numbers from 0 to 60',
  })
  @Max(60, {
    each: true,
    message: 'reminderOffsetsBusinessDays must be an array of whole numbers from 0 to 60',
  })
  reminderOffsetsBusinessDays?: number[] | null;

  @ApiPropertyOptional({
    minimum: 1,
    nullable: true,
    description:
      'After this many rejected OPR rounds the dispute goes to the Commissie voor Geschillen (seed 001 §1.5); null restores the default',
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

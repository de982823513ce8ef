import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsUUID, Matches } from 'class-validator';
import { SCHOOL_KINDS, type School, type SchoolKind } from '@jaarcyclus/persistence';
import {
  IsCents,
  IsName,
  IsOptionalNotNull,
  IsOptionalOrNull,
  IsPositiveInt,
  says,
} from '../../common/validation';

const upper = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;
const BRIN = /^[0-9]{2}[A-Z]{2}([0-9]{2})?$/;

export class CreateSchoolDto {
  @ApiProperty({ example: 'Stadsring College', maxLength: 200 })
  @IsName()
  name!: string;

  @ApiProperty({ format: 'uuid', description: 'A school board of this organisation' })
  @IsUUID('all', says('validation.notUuid'))
  boardId!: string;

  @ApiPropertyOptional({ example: '20AB', nullable: true, type: String })
  @IsOptionalOrNull()
  @Transform(upper)
  @Matches(BRIN, says('validation.brin'))
  brin?: string | null;

  @ApiProperty({ enum: SCHOOL_KINDS, description: 'regular (regulier) or special (vso/so)' })
  @IsIn(SCHOOL_KINDS, says('validation.notOneOf', { options: SCHOOL_KINDS.join(', ') }))
  kind!: SchoolKind;

  @ApiPropertyOptional({ default: 1, minimum: 1, description: 'Number of locations (vestigingen)' })
  @IsOptionalNotNull()
  @IsPositiveInt()
  locationCount?: number;

  @ApiPropertyOptional({
    default: 0,
    minimum: 0,
    description:
      'Fixed yearly amount in euro cents, based on the support profile; regular schools only (docs/domain.md, source 001 §7.2)',
    example: 4_500_000,
  })
  @IsOptionalNotNull()
  @IsCents(0)
  fixedAmountCents?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: "The school's ECT member (a person with role ect_member)",
  })
  @IsOptionalOrNull()
  @IsUUID('all', says('validation.notUuid'))
  ectMemberPersonId?: string | null;
}

export class UpdateSchoolDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull()
  @IsName()
  name?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsUUID('all', says('validation.notUuid'))
  boardId?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptionalOrNull()
  @Transform(upper)
  @Matches(BRIN, says('validation.brin'))
  brin?: string | null;

  @ApiPropertyOptional({ enum: SCHOOL_KINDS })
  @IsOptionalNotNull()
  @IsIn(SCHOOL_KINDS, says('validation.notOneOf', { options: SCHOOL_KINDS.join(', ') }))
  kind?: SchoolKind;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptionalNotNull()
  @IsPositiveInt()
  locationCount?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptionalNotNull()
  @IsCents(0)
  fixedAmountCents?: number;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptionalOrNull()
  @IsUUID('all', says('validation.notUuid'))
  ectMemberPersonId?: string | null;
}

export class SchoolDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  boardId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ nullable: true, type: String })
  brin!: string | null;

  @ApiProperty({ enum: SCHOOL_KINDS })
  kind!: SchoolKind;

  @ApiProperty()
  locationCount!: number;

  @ApiProperty({ description: 'Euro cents' })
  fixedAmountCents!: number;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  ectMemberPersonId!: string | null;

  static from(s: School): SchoolDto {
    return {
      id: s.id,
      boardId: s.boardId,
      name: s.name,
      brin: s.brin,
      kind: s.kind,
      locationCount: s.locationCount,
      fixedAmountCents: s.fixedAmountCents,
      ectMemberPersonId: s.ectMemberPersonId,
    };
  }
}

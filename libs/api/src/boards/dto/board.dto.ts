import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { SchoolBoard } from '@jaarcyclus/persistence';
import {
  IsName,
  IsNonNegativeInt,
  IsOptionalNotNull,
  IsOptionalOrNull,
  says,
} from '../../common/validation';

export class CreateBoardDto {
  @ApiProperty({ example: 'Stichting Openbaar Voortgezet Onderwijs Stadsring', maxLength: 200 })
  @IsName()
  name!: string;

  @ApiProperty({
    description:
      "The board's pupil count: its vote weight in the ALV (docs/domain.md, source 001 §1.1)",
    example: 4010,
    minimum: 0,
  })
  @IsNonNegativeInt()
  pupilCount!: number;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'The bestuurder (a person of this organisation)',
  })
  @IsOptionalOrNull()
  @IsUUID('all', says('validation.notUuid'))
  bestuurderPersonId?: string | null;
}

export class UpdateBoardDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull()
  @IsName()
  name?: string;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptionalNotNull()
  @IsNonNegativeInt()
  pupilCount?: number;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptionalOrNull()
  @IsUUID('all', says('validation.notUuid'))
  bestuurderPersonId?: string | null;
}

export class BoardDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  pupilCount!: number;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  bestuurderPersonId!: string | null;

  static from(b: SchoolBoard): BoardDto {
    return {
      id: b.id,
      name: b.name,
      pupilCount: b.pupilCount,
      bestuurderPersonId: b.bestuurderPersonId,
    };
  }
}

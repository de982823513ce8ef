import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayUnique, IsArray, IsBoolean, IsIn, IsUUID, MaxLength } from 'class-validator';
import { LOCALES, type Locale } from '@jaarcyclus/i18n';
import { ROLES, type Person, type Role } from '@jaarcyclus/persistence';
import {
  IsEmailAddress,
  IsName,
  IsOptionalNotNull,
  IsOptionalOrNull,
  says,
} from '../../common/validation';

const normaliseEmail = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
const ROLES_TEXT = says('validation.roles', { options: ROLES.join(', ') });

export class CreatePersonDto {
  @ApiProperty({
    example: 'f.deboer@stadsring-college.example',
    description: 'Unique; stored lower-case',
  })
  @Transform(normaliseEmail)
  @IsEmailAddress()
  @MaxLength(320, says('validation.tooLong', { max: 320 }))
  email!: string;

  @ApiProperty({ example: 'Femke de Boer', maxLength: 200 })
  @IsName()
  name!: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'nl' })
  @IsOptionalNotNull()
  @IsIn(LOCALES, says('validation.notOneOf', { options: LOCALES.join(', ') }))
  locale?: Locale;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['school_contact'] })
  @IsArray(ROLES_TEXT)
  @ArrayUnique(says('validation.duplicateRoles'))
  @IsIn(ROLES, { ...ROLES_TEXT, each: true })
  roles!: Role[];

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The board this person works for or represents',
  })
  @IsOptionalOrNull()
  @IsUUID('all', says('validation.notUuid'))
  boardId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptionalOrNull()
  @IsUUID('all', says('validation.notUuid'))
  schoolId?: string | null;

  @ApiPropertyOptional({
    default: true,
    description: 'Inactive people cannot sign in and receive no tasks',
  })
  @IsOptionalNotNull()
  @IsBoolean(says('validation.notBoolean'))
  active?: boolean;
}

export class UpdatePersonDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @Transform(normaliseEmail)
  @IsEmailAddress()
  @MaxLength(320, says('validation.tooLong', { max: 320 }))
  email?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull()
  @IsName()
  name?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptionalNotNull()
  @IsIn(LOCALES, says('validation.notOneOf', { options: LOCALES.join(', ') }))
  locale?: Locale;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptionalNotNull()
  @IsArray(ROLES_TEXT)
  @ArrayUnique(says('validation.duplicateRoles'))
  @IsIn(ROLES, { ...ROLES_TEXT, each: true })
  roles?: Role[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptionalOrNull()
  @IsUUID('all', says('validation.notUuid'))
  boardId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptionalOrNull()
  @IsUUID('all', says('validation.notUuid'))
  schoolId?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean(says('validation.notBoolean'))
  active?: boolean;
}

export class PersonDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: LOCALES })
  locale!: Locale;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  boardId!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  schoolId!: string | null;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  static from(p: Person): PersonDto {
    return {
      id: p.id,
      email: p.email,
      name: p.name,
      locale: p.locale,
      roles: p.roles,
      boardId: p.boardId,
      schoolId: p.schoolId,
      active: p.active,
      createdAt: p.createdAt,
    };
  }
}

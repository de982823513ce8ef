import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsUUID, MaxLength } from 'class-validator';
import { LOCALES, ROLES, type Locale, type Person, type Role } from '@jaarcyclus/persistence';
import { IsName, IsOptionalNotNull, IsOptionalOrNull } from '../../common/validation';

const normaliseEmail = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
const ROLES_MESSAGE = `roles must only contain: ${ROLES.join(', ')}`;

export class CreatePersonDto {
  @ApiProperty({
    example: 'f.deboer@stadsring-college.example',
    description: 'Unique; stored lower-case',
  })
  @Transform(normaliseEmail)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320, { message: 'email must be at most 320 characters' })
  email!: string;

  @ApiProperty({ example: 'Femke de Boer', maxLength: 200 })
  @IsName()
  name!: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'nl' })
  @IsOptionalNotNull()
  @IsIn(LOCALES, { message: `locale must be one of: ${LOCALES.join(', ')}` })
  locale?: Locale;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['school_contact'] })
  @IsArray({ message: ROLES_MESSAGE })
  @ArrayUnique({ message: 'roles must not contain duplicates' })
  @IsIn(ROLES, { each: true, message: ROLES_MESSAGE })
  roles!: Role[];

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The board this person works for or represents',
  })
  @IsOptionalOrNull()
  @IsUUID('all', { message: 'boardId must be a UUID' })
  boardId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptionalOrNull()
  @IsUUID('all', { message: 'schoolId must be a UUID' })
  schoolId?: string | null;

  @ApiPropertyOptional({
    default: true,
    description: 'Inactive people cannot sign in and receive no tasks',
  })
  @IsOptionalNotNull()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class UpdatePersonDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @Transform(normaliseEmail)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320, { message: 'email must be at most 320 characters' })
  email?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull()
  @IsName()
  name?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptionalNotNull()
  @IsIn(LOCALES, { message: `locale must be one of: ${LOCALES.join(', ')}` })
  locale?: Locale;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptionalNotNull()
  @IsArray({ message: ROLES_MESSAGE })
  @ArrayUnique({ message: 'roles must not contain duplicates' })
  @IsIn(ROLES, { each: true, message: ROLES_MESSAGE })
  roles?: Role[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptionalOrNull()
  @IsUUID('all', { message: 'boardId must be a UUID' })
  boardId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptionalOrNull()
  @IsUUID('all', { message: 'schoolId must be a UUID' })
  schoolId?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean({ message: 'active must be true or false' })
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

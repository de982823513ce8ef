import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@jaarcyclus/persistence';
import { IsEmailAddress, says } from '../../common/validation';
import type { AuthenticatedPerson } from '../authenticated-person';

export class LoginRequestDto {
  @ApiProperty({ example: 'secretariaat@stadsring.example' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @IsEmailAddress()
  @MaxLength(320, says('validation.tooLong', { max: 320 }))
  email!: string;
}

export class VerifyTokenDto {
  @ApiProperty({ description: 'The token from the sign-in link' })
  @IsString(says('validation.notAString'))
  @IsNotEmpty(says('validation.empty'))
  @MaxLength(200, says('validation.tooLong', { max: 200 }))
  token!: string;

  @ApiPropertyOptional({
    description: 'Page on this site to open after signing in (the form behind the link only)',
  })
  @IsOptional()
  @IsString(says('validation.notAString'))
  @MaxLength(500, says('validation.tooLong', { max: 500 }))
  next?: string;
}

export class OrganisationRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Samenwerkingsverband VO Stadsring' })
  name!: string;

  @ApiProperty({ example: 'stadsring' })
  slug!: string;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];

  @ApiProperty({ enum: ['nl', 'en'] })
  locale!: string;

  @ApiProperty({ type: OrganisationRefDto })
  organisation!: OrganisationRefDto;

  static from(person: AuthenticatedPerson): MeDto {
    return {
      id: person.id,
      name: person.name,
      email: person.email,
      roles: person.roles,
      locale: person.locale,
      organisation: { ...person.organisation },
    };
  }
}

export class SessionResponseDto {
  @ApiProperty({
    description:
      'Send as `Authorization: Bearer <sessionToken>`; also set as the jc_session cookie',
  })
  sessionToken!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ type: MeDto })
  person!: MeDto;
}

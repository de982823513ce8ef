import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Locale, PlatformRole, Role } from './enums';

/** Anyone who signs in or receives mail: secretariat, board members, school contacts, ECT members. */
@Entity('person')
export class Person {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  /** Unique over all tenants (sign-in is by email) and stored lower-case. */
  @Column({ type: 'text', unique: true })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: 'nl' })
  locale!: Locale;

  @Column({ type: 'text', array: true, default: () => "'{}'::text[]" })
  roles!: Role[];

  /** Platform roles (PLATFORM_ROLES): never set through the SWV's own administration. */
  @Column({
    name: 'platform_roles',
    type: 'text',
    array: true,
    default: () => "'{}'::text[]",
  })
  platformRoles!: PlatformRole[];

  @Column({ name: 'board_id', type: 'uuid', nullable: true })
  boardId!: string | null;

  @Column({ name: 'school_id', type: 'uuid', nullable: true })
  schoolId!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

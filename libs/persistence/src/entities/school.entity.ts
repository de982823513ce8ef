import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintToNumber } from './column-types';
import type { SchoolKind } from './enums';

/** A school of a board; one school may have several locations (vestigingen). */
@Entity('school')
export class School {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'board_id', type: 'uuid' })
  boardId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  brin!: string | null;

  @Column({ type: 'text' })
  kind!: SchoolKind;

  /** The school's own pupil count, when known (the board's count is its vote weight). */
  @Column({ name: 'pupil_count', type: 'integer', nullable: true })
  pupilCount!: number | null;

  @Column({ name: 'location_count', type: 'integer', default: 1 })
  locationCount!: number;

  /** Fixed yearly amount per regular school, based on its support profile (docs/domain.md, source 001 §7.2). */
  @Column({ name: 'fixed_amount_cents', type: 'bigint', default: 0, transformer: bigintToNumber })
  fixedAmountCents!: number;

  /** Every school has an ECT member (docs/domain.md, source 001 §3.2). */
  @Column({ name: 'ect_member_person_id', type: 'uuid', nullable: true })
  ectMemberPersonId!: string | null;
}
